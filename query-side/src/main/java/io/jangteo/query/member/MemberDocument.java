package io.jangteo.query.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.AddressView;
import io.jangteo.messages.member.ConsentView;
import io.jangteo.messages.member.IdentityView;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberStatus;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.member.PaymentMethodView;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.member.PointsBalance;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The shape of a member document in the {@code members} collection: one per member, following two aggregates, the
 * member ({@code version}) and its rewards account ({@code rewardsVersion}, -1 before its first event).
 * <p>
 * {@code status} is stored as ACTIVE or WITHDRAWN only: LOCKED depends on the time of reading ({@code lockedUntil}
 * still ahead), so it is worked out when a view is made. {@code position} numbers members in registration order.
 * {@code earnings} keeps what is left of each earning, from which {@code points} (the balance) is recomputed on every
 * rewards event. A document whose rewards events arrived before the member's registration has {@code version} -1 and
 * no {@code position}; it is not a member yet.
 */
final class MemberDocument {

    static final String COLLECTION = "members";
    static final String REVISION = "revision";
    static final String VERSION = "version";
    static final String REWARDS_VERSION = "rewardsVersion";
    static final String POSITION = "position";
    static final String STATUS = "status";
    static final String ROLE = "role";
    static final String SELLER_ID = "sellerId";
    static final String EMAIL = "email";
    static final String NAME = "name";
    static final String PHONE = "phone";
    static final String EMAIL_CONSENT = "emailConsent";
    static final String SMS_CONSENT = "smsConsent";
    static final String ADDRESSES = "addresses";
    static final String IDENTITY = "identity";
    static final String PAYMENT_METHODS = "paymentMethods";
    static final String GRADE = "grade";
    static final String POINTS = "points";
    static final String EARNINGS = "earnings";
    static final String LEDGER_ENTRIES = "ledgerEntries";
    static final String LOCKED_UNTIL = "lockedUntil";
    static final String REGISTERED_AT = "registeredAt";
    static final String WITHDRAWN_AT = "withdrawnAt";

    static final String ACTIVE = MemberStatus.ACTIVE.name();
    static final String WITHDRAWN = MemberStatus.WITHDRAWN.name();

    // sub-document fields
    static final String ADDRESS_ID = "addressId";
    static final String ADDRESS = "address";
    static final String IS_DEFAULT = "isDefault";
    static final String PAYMENT_METHOD_ID = "paymentMethodId";
    static final String GRANTED = "granted";
    static final String CHANGED_AT = "changedAt";
    static final String ENTRY_ID = "entryId";
    static final String REMAINING = "remaining";
    static final String AVAILABLE = "available";
    static final String EXPIRES_AT = "expiresAt";

    private MemberDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }

    /** A document no event has touched yet: both versions before the first event. */
    static Document blank(String memberId) {
        return new Document("_id", memberId)
                .append(REVISION, 0L)
                .append(VERSION, -1L)
                .append(REWARDS_VERSION, -1L)
                .append(LEDGER_ENTRIES, 0L);
    }

    static boolean isRegistered(Document document) {
        return document != null && BsonValues.number(document, VERSION) >= 0;
    }

    static Document consent(boolean granted, Instant changedAt) {
        return new Document(GRANTED, granted).append(CHANGED_AT, BsonValues.millis(changedAt));
    }

    static Document address(Address address) {
        return address == null ? null : new Document("label", address.label())
                .append("recipient", address.recipient())
                .append("phone", address.phone())
                .append("country", address.country())
                .append("postcode", address.postcode())
                .append("line1", address.line1())
                .append("line2", address.line2())
                .append("city", address.city())
                .append("region", address.region());
    }

    static Document addressEntry(AddressId addressId, Address address, boolean isDefault) {
        return new Document(ADDRESS_ID, addressId.value()).append(ADDRESS, address(address))
                .append(IS_DEFAULT, isDefault);
    }

    /** The list under {@code field}, each element replaced by {@code change}; null elements are dropped. */
    static List<Document> mapped(Document document, String field, UnaryOperator<Document> change) {
        List<Document> result = new ArrayList<>();
        for (Document element : BsonValues.documents(document, field, d -> d)) {
            Document changed = change.apply(new Document(element));
            if (changed != null) {
                result.add(changed);
            }
        }
        return result;
    }

    /** Marks the element whose {@code idField} equals {@code id} as the default and every other as not. */
    static List<Document> withDefault(Document document, String field, String idField, String id) {
        return mapped(document, field, element -> element.append(IS_DEFAULT, id != null
                && id.equals(element.getString(idField))));
    }

    static MemberView toView(Document document, Instant now) {
        Instant lockedUntil = BsonValues.instant(document, LOCKED_UNTIL);
        return new MemberView(
                MemberId.of(document.getString("_id")),
                status(document.getString(STATUS), lockedUntil, now),
                BsonValues.enumValue(document, ROLE, ActorRole.class),
                document.getString(SELLER_ID),
                document.getString(EMAIL),
                document.getString(NAME),
                document.getString(PHONE),
                consentView(document.get(EMAIL_CONSENT, Document.class)),
                consentView(document.get(SMS_CONSENT, Document.class)),
                BsonValues.documents(document, ADDRESSES, MemberDocument::addressView),
                identityView(document.get(IDENTITY, Document.class)),
                BsonValues.documents(document, PAYMENT_METHODS, MemberDocument::paymentMethodView),
                document.getString(GRADE),
                balanceView(document.get(POINTS, Document.class)),
                lockedUntil,
                BsonValues.instant(document, REGISTERED_AT),
                BsonValues.instant(document, WITHDRAWN_AT),
                BsonValues.number(document, VERSION),
                BsonValues.number(document, REWARDS_VERSION));
    }

    static MemberStatus status(String stored, Instant lockedUntil, Instant now) {
        if (WITHDRAWN.equals(stored)) {
            return MemberStatus.WITHDRAWN;
        }
        return lockedUntil != null && lockedUntil.isAfter(now) ? MemberStatus.LOCKED : MemberStatus.ACTIVE;
    }

    private static ConsentView consentView(Document consent) {
        return consent == null ? null
                : new ConsentView(consent.getBoolean(GRANTED, false), BsonValues.instant(consent, CHANGED_AT));
    }

    private static AddressView addressView(Document entry) {
        Document address = entry.get(ADDRESS, Document.class);
        return new AddressView(AddressId.of(entry.getString(ADDRESS_ID)), address == null ? null : new Address(
                address.getString("label"), address.getString("recipient"), address.getString("phone"),
                address.getString("country"), address.getString("postcode"), address.getString("line1"),
                address.getString("line2"), address.getString("city"), address.getString("region")),
                entry.getBoolean(IS_DEFAULT, false));
    }

    static Document identity(VerificationId verificationId, String provider, String name, LocalDate birthDate,
                             PhoneCarrier carrier, String phone, boolean adult, Instant verifiedAt) {
        return new Document("verificationId", verificationId == null ? null : verificationId.value())
                .append("provider", provider)
                .append("name", name)
                .append("birthDate", birthDate == null ? null : birthDate.toString())
                .append("carrier", carrier == null ? null : carrier.name())
                .append("phone", phone)
                .append("adult", adult)
                .append("verifiedAt", BsonValues.millis(verifiedAt));
    }

    /** The identity with its personal fields erased; who verified it, when, and the adult flag stay. */
    static Document erasedIdentity(Document identity) {
        return identity == null ? null : new Document(identity)
                .append("name", null)
                .append("birthDate", null)
                .append("phone", null);
    }

    private static IdentityView identityView(Document identity) {
        if (identity == null) {
            return null;
        }
        String verificationId = identity.getString("verificationId");
        String birthDate = identity.getString("birthDate");
        return new IdentityView(
                verificationId == null ? null : VerificationId.of(verificationId),
                identity.getString("provider"),
                identity.getString("name"),
                birthDate == null ? null : LocalDate.parse(birthDate),
                BsonValues.enumValue(identity, "carrier", PhoneCarrier.class),
                identity.getString("phone"),
                identity.getBoolean("adult", false),
                BsonValues.instant(identity, "verifiedAt"));
    }

    static Document paymentMethod(PaymentMethodId id, String provider, String brand, String last4, int expiryYear,
                                  int expiryMonth, boolean isDefault, Instant registeredAt) {
        return new Document(PAYMENT_METHOD_ID, id.value())
                .append("provider", provider)
                .append("brand", brand)
                .append("last4", last4)
                .append("expiryYear", expiryYear)
                .append("expiryMonth", expiryMonth)
                .append(IS_DEFAULT, isDefault)
                .append("registeredAt", BsonValues.millis(registeredAt));
    }

    private static PaymentMethodView paymentMethodView(Document method) {
        return new PaymentMethodView(
                PaymentMethodId.of(method.getString(PAYMENT_METHOD_ID)),
                method.getString("provider"),
                method.getString("brand"),
                method.getString("last4"),
                (int) BsonValues.number(method, "expiryYear"),
                (int) BsonValues.number(method, "expiryMonth"),
                method.getBoolean(IS_DEFAULT, false),
                BsonValues.instant(method, "registeredAt"));
    }

    static Document earning(String entryId, long points, boolean available, Instant expiresAt) {
        return new Document(ENTRY_ID, entryId)
                .append(REMAINING, points)
                .append(AVAILABLE, available)
                .append(EXPIRES_AT, expiresAt == null ? null : BsonValues.millis(expiresAt));
    }

    /**
     * The balance the earnings add up to. The next expiry counts available earnings with points left, including any
     * past their expiry that the scheduler has not expired yet: until it does, they can still be spent.
     */
    static Document balance(List<Document> earnings) {
        long available = 0;
        long pending = 0;
        Long nextExpiry = null;
        long expiring = 0;
        for (Document earning : earnings) {
            long remaining = BsonValues.number(earning, REMAINING);
            if (remaining <= 0) {
                continue;
            }
            if (!earning.getBoolean(AVAILABLE, false)) {
                pending += remaining;
                continue;
            }
            available += remaining;
            Object expiresAt = earning.get(EXPIRES_AT);
            if (expiresAt == null) {
                continue;
            }
            long at = ((Number) expiresAt).longValue();
            if (nextExpiry == null || at < nextExpiry) {
                nextExpiry = at;
                expiring = remaining;
            } else if (at == nextExpiry) {
                expiring += remaining;
            }
        }
        return new Document(AVAILABLE, available)
                .append("pending", pending)
                .append("nextExpiryAt", nextExpiry)
                .append("expiringPoints", expiring);
    }

    private static PointsBalance balanceView(Document points) {
        return points == null ? PointsBalance.none() : new PointsBalance(
                BsonValues.number(points, AVAILABLE),
                BsonValues.number(points, "pending"),
                BsonValues.instant(points, "nextExpiryAt"),
                BsonValues.number(points, "expiringPoints"));
    }
}
