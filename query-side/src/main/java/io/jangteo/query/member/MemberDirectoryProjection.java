package io.jangteo.query.member;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.AccountUnlocked;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressChanged;
import io.jangteo.messages.member.AddressRemoved;
import io.jangteo.messages.member.DefaultAddressChosen;
import io.jangteo.messages.member.DefaultPaymentMethodChosen;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.IdentityVerificationFailed;
import io.jangteo.messages.member.IdentityVerificationRequested;
import io.jangteo.messages.member.IdentityVerified;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MarketingChannel;
import io.jangteo.messages.member.MarketingConsentChanged;
import io.jangteo.messages.member.MemberEmailChanged;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberLoggedOut;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.MemberRoleChanged;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.PasswordChanged;
import io.jangteo.messages.member.PasswordReset;
import io.jangteo.messages.member.PasswordResetRequested;
import io.jangteo.messages.member.PaymentMethodRegistered;
import io.jangteo.messages.member.PaymentMethodRemoved;
import io.jangteo.messages.member.PersonalDataAccessed;
import io.jangteo.messages.member.PointsMovement;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PointsAllocation;
import io.jangteo.messages.rewards.PointsBecameAvailable;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsExpired;
import io.jangteo.messages.rewards.PointsRefunded;
import io.jangteo.messages.rewards.PointsSpent;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.RewardsClosed;
import io.jangteo.query.member.MemberDocuments.Stream;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.ChangeCounters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static io.jangteo.query.member.MemberDocument.ADDRESSES;
import static io.jangteo.query.member.MemberDocument.ADDRESS_ID;
import static io.jangteo.query.member.MemberDocument.EARNINGS;
import static io.jangteo.query.member.MemberDocument.PAYMENT_METHODS;
import static io.jangteo.query.member.MemberDocument.PAYMENT_METHOD_ID;

/**
 * The member directory read model ({@code members}, with the {@code member_lookup} keys) and the points ledger
 * ({@code points_ledger}), built from the member and rewards streams in one processing group, so that a member
 * document's {@code rewardsVersion} also tells how far the ledger is written.
 * <p>
 * Every event of either stream moves its version, even one that changes nothing shown (a login, a password change),
 * because the API waits for exactly the version its command produced. Subscribers of {@link FindMemberQuery} receive
 * each new view. Personal components arrive decrypted, or null once the member is erased; a rebuild after a
 * withdrawal therefore writes nulls, and never a lookup key for them.
 */
@Component
@ProcessingGroup(MemberDirectoryProjection.PROCESSING_GROUP)
class MemberDirectoryProjection {

    static final String PROCESSING_GROUP = "member-directory";
    private static final BiConsumer<Document, Document> NOTHING_ELSE = (before, after) -> { };

    private final MemberDocuments members;
    private final MemberLookup lookup;
    private final PointsLedger ledger;
    private final ChangeCounters counters;
    private final QueryUpdateEmitter updateEmitter;
    private final Supplier<Instant> now;

    @Autowired
    MemberDirectoryProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter) {
        // the clock every aggregate reads, so a test that moves it sees lock-outs end on both sides
        this(database, updateEmitter, () -> GenericEventMessage.clock.instant());
    }

    MemberDirectoryProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter, Supplier<Instant> now) {
        this.members = new MemberDocuments(MemberDocument.collection(database));
        this.lookup = new MemberLookup(database);
        this.ledger = new PointsLedger(database);
        this.counters = new ChangeCounters(database);
        this.updateEmitter = updateEmitter;
        this.now = now;
    }

    // ---- the member stream

    @EventHandler
    void on(MemberRegistered event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        String id = event.memberId().value();
        emit(members.apply(id, Stream.MEMBER, version, document -> {
            if (MemberDocument.isRegistered(document)) {
                return null;
            }
            return document
                    .append(MemberDocument.POSITION, counters.take(PROCESSING_GROUP))
                    .append(MemberDocument.STATUS, MemberDocument.ACTIVE)
                    .append(MemberDocument.ROLE, event.role() == null ? null : event.role().name())
                    .append(MemberDocument.SELLER_ID, null)
                    .append(MemberDocument.EMAIL, event.email())
                    .append(MemberDocument.NAME, event.name())
                    .append(MemberDocument.PHONE, event.phone())
                    .append(MemberDocument.EMAIL_CONSENT,
                            MemberDocument.consent(event.emailMarketingConsent(), occurredAt))
                    .append(MemberDocument.SMS_CONSENT,
                            MemberDocument.consent(event.smsMarketingConsent(), occurredAt))
                    .append(ADDRESSES, List.of())
                    .append(MemberDocument.IDENTITY, null)
                    .append(PAYMENT_METHODS, List.of())
                    .append(MemberDocument.LOCKED_UNTIL, null)
                    .append(MemberDocument.REGISTERED_AT, BsonValues.millis(occurredAt))
                    .append(MemberDocument.WITHDRAWN_AT, null);
        }, (before, after) -> {
            lookup.move(id, null, MemberLookup.emailKey(event.email()));
            lookup.move(id, null, MemberLookup.phoneKey(event.phone()));
        }));
    }

    @EventHandler
    void on(MemberEmailChanged event, @SequenceNumber long version) {
        String id = event.memberId().value();
        member(event.memberId(), version, document -> document.append(MemberDocument.EMAIL, event.email()),
                (before, after) -> lookup.move(id, MemberLookup.emailKey(before.getString(MemberDocument.EMAIL)),
                        MemberLookup.emailKey(event.email())));
    }

    @EventHandler
    void on(MemberPhoneChanged event, @SequenceNumber long version) {
        String id = event.memberId().value();
        member(event.memberId(), version, document -> document.append(MemberDocument.PHONE, event.phone()),
                (before, after) -> lookup.move(id, MemberLookup.phoneKey(before.getString(MemberDocument.PHONE)),
                        MemberLookup.phoneKey(event.phone())));
    }

    @EventHandler
    void on(MemberNameChanged event, @SequenceNumber long version) {
        member(event.memberId(), version, document -> document.append(MemberDocument.NAME, event.name()));
    }

    @EventHandler
    void on(MemberRoleChanged event, @SequenceNumber long version) {
        member(event.memberId(), version, document -> document
                .append(MemberDocument.ROLE, event.role() == null ? null : event.role().name())
                .append(MemberDocument.SELLER_ID, event.sellerId()));
    }

    @EventHandler
    void on(MarketingConsentChanged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        String field = event.channel() == MarketingChannel.EMAIL
                ? MemberDocument.EMAIL_CONSENT : MemberDocument.SMS_CONSENT;
        member(event.memberId(), version,
                document -> document.append(field, MemberDocument.consent(event.granted(), occurredAt)));
    }

    @EventHandler
    void on(AddressAdded event, @SequenceNumber long version) {
        member(event.memberId(), version, document -> {
            List<Document> addresses = event.madeDefault()
                    ? MemberDocument.withDefault(document, ADDRESSES, ADDRESS_ID, event.addressId().value())
                    : MemberDocument.mapped(document, ADDRESSES, address -> address);
            addresses.removeIf(address -> event.addressId().value().equals(address.getString(ADDRESS_ID)));
            addresses.add(MemberDocument.addressEntry(event.addressId(), event.address(), event.madeDefault()));
            return document.append(ADDRESSES, addresses);
        });
    }

    @EventHandler
    void on(AddressChanged event, @SequenceNumber long version) {
        member(event.memberId(), version, document -> document.append(ADDRESSES,
                MemberDocument.mapped(document, ADDRESSES, address ->
                        event.addressId().value().equals(address.getString(ADDRESS_ID))
                                ? address.append(MemberDocument.ADDRESS, MemberDocument.address(event.address()))
                                : address)));
    }

    @EventHandler
    void on(AddressRemoved event, @SequenceNumber long version) {
        String newDefault = event.newDefaultAddressId() == null ? null : event.newDefaultAddressId().value();
        member(event.memberId(), version, document -> {
            List<Document> addresses = MemberDocument.withDefault(document, ADDRESSES, ADDRESS_ID, newDefault);
            addresses.removeIf(address -> event.addressId().value().equals(address.getString(ADDRESS_ID)));
            return document.append(ADDRESSES, addresses);
        });
    }

    @EventHandler
    void on(DefaultAddressChosen event, @SequenceNumber long version) {
        member(event.memberId(), version, document -> document.append(ADDRESSES,
                MemberDocument.withDefault(document, ADDRESSES, ADDRESS_ID, event.addressId().value())));
    }

    @EventHandler
    void on(PaymentMethodRegistered event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        // the billing key is a secret that charges the member: it never enters the read model
        member(event.memberId(), version, document -> {
            List<Document> methods = event.madeDefault()
                    ? MemberDocument.withDefault(document, PAYMENT_METHODS, PAYMENT_METHOD_ID,
                    event.paymentMethodId().value())
                    : MemberDocument.mapped(document, PAYMENT_METHODS, method -> method);
            methods.removeIf(method -> event.paymentMethodId().value().equals(method.getString(PAYMENT_METHOD_ID)));
            methods.add(MemberDocument.paymentMethod(event.paymentMethodId(), event.provider(), event.brand(),
                    event.last4(), event.expiryYear(), event.expiryMonth(), event.madeDefault(), occurredAt));
            return document.append(PAYMENT_METHODS, methods);
        });
    }

    @EventHandler
    void on(PaymentMethodRemoved event, @SequenceNumber long version) {
        String newDefault = event.newDefaultPaymentMethodId() == null
                ? null : event.newDefaultPaymentMethodId().value();
        member(event.memberId(), version, document -> {
            List<Document> methods = MemberDocument.withDefault(document, PAYMENT_METHODS, PAYMENT_METHOD_ID,
                    newDefault);
            methods.removeIf(method -> event.paymentMethodId().value().equals(method.getString(PAYMENT_METHOD_ID)));
            return document.append(PAYMENT_METHODS, methods);
        });
    }

    @EventHandler
    void on(DefaultPaymentMethodChosen event, @SequenceNumber long version) {
        member(event.memberId(), version, document -> document.append(PAYMENT_METHODS,
                MemberDocument.withDefault(document, PAYMENT_METHODS, PAYMENT_METHOD_ID,
                        event.paymentMethodId().value())));
    }

    @EventHandler
    void on(IdentityVerified event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        // the CI hash identifies the person across sites; nothing shown needs it, so it stays in the event store
        member(event.memberId(), version, document -> document.append(MemberDocument.IDENTITY,
                MemberDocument.identity(event.verificationId(), event.provider(), event.name(), event.birthDate(),
                        event.carrier(), event.phone(), event.adult(), occurredAt)));
    }

    @EventHandler
    void on(AccountLocked event, @SequenceNumber long version) {
        member(event.memberId(), version, document -> document.append(MemberDocument.LOCKED_UNTIL,
                event.lockedUntil() == null ? null : BsonValues.millis(event.lockedUntil())));
    }

    @EventHandler
    void on(AccountUnlocked event, @SequenceNumber long version) {
        member(event.memberId(), version, MemberDirectoryProjection::unlocked);
    }

    @EventHandler
    void on(LoginSucceeded event, @SequenceNumber long version) {
        member(event.memberId(), version, MemberDirectoryProjection::unlocked);
    }

    @EventHandler
    void on(PasswordReset event, @SequenceNumber long version) {
        member(event.memberId(), version, MemberDirectoryProjection::unlocked);
    }

    @EventHandler
    void on(MemberWithdrawn event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        String id = event.memberId().value();
        member(event.memberId(), version, document -> document
                .append(MemberDocument.STATUS, MemberDocument.WITHDRAWN)
                .append(MemberDocument.WITHDRAWN_AT, BsonValues.millis(occurredAt))
                .append(MemberDocument.LOCKED_UNTIL, null)
                .append(MemberDocument.EMAIL, null)
                .append(MemberDocument.NAME, null)
                .append(MemberDocument.PHONE, null)
                .append(ADDRESSES, MemberDocument.mapped(document, ADDRESSES,
                        address -> address.append(MemberDocument.ADDRESS, null)))
                .append(MemberDocument.IDENTITY,
                        MemberDocument.erasedIdentity(document.get(MemberDocument.IDENTITY, Document.class))),
                (before, after) -> {
                    lookup.move(id, MemberLookup.emailKey(before.getString(MemberDocument.EMAIL)), null);
                    lookup.move(id, MemberLookup.phoneKey(before.getString(MemberDocument.PHONE)), null);
                });
    }

    // events that change nothing shown, but move the version a caller may wait for

    @EventHandler
    void on(LoginFailed event, @SequenceNumber long version) {
        member(event.memberId(), version, UnaryOperator.identity());
    }

    @EventHandler
    void on(MemberLoggedOut event, @SequenceNumber long version) {
        member(event.memberId(), version, UnaryOperator.identity());
    }

    @EventHandler
    void on(PasswordChanged event, @SequenceNumber long version) {
        member(event.memberId(), version, UnaryOperator.identity());
    }

    @EventHandler
    void on(PasswordResetRequested event, @SequenceNumber long version) {
        member(event.memberId(), version, UnaryOperator.identity());
    }

    @EventHandler
    void on(PersonalDataAccessed event, @SequenceNumber long version) {
        member(event.memberId(), version, UnaryOperator.identity());
    }

    @EventHandler
    void on(IdentityVerificationRequested event, @SequenceNumber long version) {
        member(event.memberId(), version, UnaryOperator.identity());
    }

    @EventHandler
    void on(IdentityVerificationFailed event, @SequenceNumber long version) {
        member(event.memberId(), version, UnaryOperator.identity());
    }

    // ---- the rewards stream

    @EventHandler
    void on(PurchaseRecorded event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        rewards(event.memberId(), version, occurredAt, null, UnaryOperator.identity());
    }

    @EventHandler
    void on(MemberGradeChanged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        rewards(event.memberId(), version, occurredAt, null,
                document -> document.append(MemberDocument.GRADE, event.grade()));
    }

    @EventHandler
    void on(PointsEarned event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        rewards(event.memberId(), version, occurredAt,
                new PointsLedger.Entry(PointsMovement.EARNED, event.points(), event.entryId().value(),
                        event.orderId(), null, event.availableAt(), event.expiresAt()),
                earnings(earnings -> {
                    earnings.put(event.entryId().value(), MemberDocument.earning(event.entryId().value(),
                            event.points(), false, event.expiresAt()));
                }));
    }

    @EventHandler
    void on(PointsBecameAvailable event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        rewards(event.memberId(), version, occurredAt,
                new PointsLedger.Entry(PointsMovement.BECAME_AVAILABLE, 0, event.entryId().value(), null, null,
                        null, null),
                earnings(earnings -> {
                    Document earning = earnings.get(event.entryId().value());
                    if (earning != null) {
                        earning.put(MemberDocument.AVAILABLE, true);
                    }
                }));
    }

    @EventHandler
    void on(PointsSpent event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        rewards(event.memberId(), version, occurredAt,
                new PointsLedger.Entry(PointsMovement.SPENT, -event.points(), event.spendId().value(),
                        event.orderId(), null, null, null),
                earnings(earnings -> move(earnings, event.allocations(), -1)));
    }

    @EventHandler
    void on(PointsRefunded event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        rewards(event.memberId(), version, occurredAt,
                new PointsLedger.Entry(PointsMovement.REFUNDED, event.points(), event.spendId().value(), null,
                        event.reason(), null, null),
                earnings(earnings -> move(earnings, event.allocations(), +1)));
    }

    @EventHandler
    void on(PointsExpired event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        rewards(event.memberId(), version, occurredAt,
                new PointsLedger.Entry(PointsMovement.EXPIRED, -event.points(), event.entryId().value(), null, null,
                        null, null),
                earnings(earnings -> move(earnings,
                        List.of(new PointsAllocation(event.entryId(), event.points())), -1)));
    }

    @EventHandler
    void on(PointsAdjusted event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        boolean credit = event.delta() > 0;
        String entryId = event.entryId() == null ? null : event.entryId().value();
        rewards(event.memberId(), version, occurredAt,
                new PointsLedger.Entry(PointsMovement.ADJUSTED, event.delta(), entryId, null, event.reason(),
                        credit ? occurredAt : null, credit ? event.expiresAt() : null),
                earnings(earnings -> {
                    if (credit) {
                        earnings.put(entryId, MemberDocument.earning(entryId, event.delta(), true,
                                event.expiresAt()));
                    } else if (event.allocations() != null) {
                        move(earnings, event.allocations(), -1);
                    }
                }));
    }

    @EventHandler
    void on(RewardsClosed event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        rewards(event.memberId(), version, occurredAt,
                new PointsLedger.Entry(PointsMovement.FORFEITED, -event.forfeitedPoints(), null, null,
                        event.reason(), null, null),
                earnings(Map::clear));
    }

    @ResetHandler
    void reset() {
        members.reset();
        lookup.reset();
        ledger.reset();
        counters.reset(PROCESSING_GROUP);
    }

    // ----

    private static Document unlocked(Document document) {
        return document.append(MemberDocument.LOCKED_UNTIL, null);
    }

    private void member(MemberId memberId, long version, UnaryOperator<Document> change) {
        member(memberId, version, change, NOTHING_ELSE);
    }

    /** An event after the registration: a document without one (rewards came first) is not a member yet. */
    private void member(MemberId memberId, long version, UnaryOperator<Document> change,
                        BiConsumer<Document, Document> beforeWrite) {
        emit(members.apply(memberId.value(), Stream.MEMBER, version,
                document -> MemberDocument.isRegistered(document) ? change.apply(document) : null, beforeWrite));
    }

    /** A rewards event: its ledger entry first, so every entry the member document counts is there to read. */
    private void rewards(MemberId memberId, long version, Instant occurredAt, PointsLedger.Entry entry,
                         UnaryOperator<Document> change) {
        String id = memberId.value();
        if (entry != null) {
            ledger.record(id, version, entry, occurredAt);
        }
        emit(members.apply(id, Stream.REWARDS, version, document -> {
            Document changed = change.apply(document);
            if (entry != null) {
                changed.put(MemberDocument.LEDGER_ENTRIES,
                        BsonValues.number(changed, MemberDocument.LEDGER_ENTRIES) + 1);
            }
            return changed;
        }, NOTHING_ELSE));
    }

    /** A change of the earnings (keyed by entry id, in earning order), after which the balance is worked out anew. */
    private static UnaryOperator<Document> earnings(Consumer<Map<String, Document>> change) {
        return document -> {
            Map<String, Document> earnings = new LinkedHashMap<>();
            for (Document earning : BsonValues.documents(document, EARNINGS, Document::new)) {
                earnings.put(earning.getString(MemberDocument.ENTRY_ID), earning);
            }
            change.accept(earnings);
            List<Document> list = List.copyOf(earnings.values());
            return document.append(EARNINGS, list).append(MemberDocument.POINTS, MemberDocument.balance(list));
        };
    }

    /** Takes points from ({@code sign} -1) or gives them back to (+1) the earnings an event names. */
    private static void move(Map<String, Document> earnings, List<PointsAllocation> allocations, int sign) {
        if (allocations == null) {
            return;
        }
        Map<String, Long> byEntry = new HashMap<>();
        for (PointsAllocation allocation : allocations) {
            byEntry.merge(allocation.entryId().value(), allocation.points(), Long::sum);
        }
        byEntry.forEach((entryId, points) -> {
            Document earning = earnings.get(entryId);
            if (earning != null) {
                earning.put(MemberDocument.REMAINING,
                        BsonValues.number(earning, MemberDocument.REMAINING) + sign * points);
            }
        });
    }

    private void emit(Document written) {
        if (written == null || !MemberDocument.isRegistered(written)) {
            return;
        }
        MemberView view = MemberDocument.toView(written, now.get());
        updateEmitter.emit(FindMemberQuery.class, query -> query.memberId().equals(view.memberId()), view);
    }
}
