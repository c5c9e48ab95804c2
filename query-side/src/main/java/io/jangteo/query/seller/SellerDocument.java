package io.jangteo.query.seller;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.shipping.OverseasShipping;
import io.jangteo.messages.shipping.OverseasZone;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.WeightBracket;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;

import java.time.Instant;
import java.util.HashSet;

/**
 * The shape of a seller document in the {@code sellers} collection. {@code position} numbers shops in registration
 * order (the change number of their registration), which is the order of seller lists.
 */
final class SellerDocument {

    static final String COLLECTION = "sellers";
    static final String SHOP_NAME = "shopName";
    static final String REPRESENTATIVE = "representative";
    static final String BUSINESS_NUMBER = "businessNumber";
    static final String CONTACT_EMAIL = "contactEmail";
    static final String CONTACT_PHONE = "contactPhone";
    static final String SETTLEMENT_ACCOUNT = "settlementAccount";
    static final String OWNER_ACTOR_ID = "ownerActorId";
    static final String STATUS = "status";
    static final String STATUS_REASON = "statusReason";
    static final String SHIPPING_POLICY = "shippingPolicy";
    static final String SHIPPING_POLICY_VERSION = "shippingPolicyVersion";
    static final String POSITION = "position";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    private SellerDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }

    static Document registered(SellerRegistered event, long position, Instant occurredAt) {
        return new Document()
                .append(SHOP_NAME, event.shopName())
                .append(REPRESENTATIVE, event.representative())
                .append(BUSINESS_NUMBER, event.businessNumber())
                .append(CONTACT_EMAIL, event.contactEmail())
                .append(CONTACT_PHONE, event.contactPhone())
                .append(SETTLEMENT_ACCOUNT, account(event.settlementAccount()))
                .append(OWNER_ACTOR_ID, event.registeredBy())
                .append(STATUS, SellerStatus.PENDING.name())
                .append(STATUS_REASON, null)
                .append(SHIPPING_POLICY, null)
                .append(SHIPPING_POLICY_VERSION, 0)
                .append(POSITION, position)
                .append(CREATED_AT, BsonValues.millis(occurredAt))
                .append(UPDATED_AT, BsonValues.millis(occurredAt));
    }

    static long position(Document document) {
        return BsonValues.number(document, POSITION);
    }

    static long changeSeq(Document document) {
        return BsonValues.number(document, VersionedDocuments.CHANGE_SEQ);
    }

    static Document account(SettlementAccount account) {
        return account == null ? null : new Document("bankCode", account.bankCode())
                .append("holderName", account.holderName())
                .append("maskedNumber", account.maskedNumber())
                .append("providerToken", account.providerToken());
    }

    static Document policy(ShippingPolicy policy) {
        return new Document("baseFee", BsonValues.money(policy.baseFee()))
                .append("freeShippingThreshold", BsonValues.money(policy.freeShippingThreshold()))
                .append("bundleShipping", policy.bundleShipping())
                .append("jejuSurcharge", BsonValues.money(policy.jejuSurcharge()))
                .append("remoteIslandSurcharge", BsonValues.money(policy.remoteIslandSurcharge()))
                .append("overseas", policy.overseas() == null ? null : new Document("zones",
                        policy.overseas().zones().stream().map(zone -> new Document("name", zone.name())
                                .append("countries", zone.countries().stream().sorted().toList())
                                .append("brackets", zone.brackets().stream().map(bracket ->
                                        new Document("maxWeightGrams", bracket.maxWeightGrams())
                                                .append("fee", BsonValues.money(bracket.fee()))).toList())).toList()))
                .append("returnFee", BsonValues.money(policy.returnFee()))
                .append("exchangeFee", BsonValues.money(policy.exchangeFee()));
    }

    static SellerView toView(Document document) {
        Document account = document.get(SETTLEMENT_ACCOUNT, Document.class);
        Document policy = document.get(SHIPPING_POLICY, Document.class);
        return new SellerView(
                document.getString("_id"),
                document.getString(SHOP_NAME),
                document.getString(REPRESENTATIVE),
                document.getString(BUSINESS_NUMBER),
                document.getString(CONTACT_EMAIL),
                document.getString(CONTACT_PHONE),
                account == null ? null : new SettlementAccount(account.getString("bankCode"),
                        account.getString("holderName"), account.getString("maskedNumber"),
                        account.getString("providerToken")),
                document.getString(OWNER_ACTOR_ID),
                BsonValues.enumValue(document, STATUS, SellerStatus.class),
                document.getString(STATUS_REASON),
                policy == null ? null : toPolicy(policy),
                (int) BsonValues.number(document, SHIPPING_POLICY_VERSION),
                BsonValues.number(document, VersionedDocuments.VERSION),
                BsonValues.instant(document, CREATED_AT),
                BsonValues.instant(document, UPDATED_AT));
    }

    private static ShippingPolicy toPolicy(Document policy) {
        Document overseas = policy.get("overseas", Document.class);
        return new ShippingPolicy(
                BsonValues.money(policy, "baseFee"),
                BsonValues.money(policy, "freeShippingThreshold"),
                policy.getBoolean("bundleShipping", false),
                BsonValues.money(policy, "jejuSurcharge"),
                BsonValues.money(policy, "remoteIslandSurcharge"),
                overseas == null ? null : new OverseasShipping(BsonValues.documents(overseas, "zones", zone ->
                        new OverseasZone(zone.getString("name"), new HashSet<>(BsonValues.strings(zone, "countries")),
                                BsonValues.documents(zone, "brackets", bracket -> new WeightBracket(
                                        BsonValues.number(bracket, "maxWeightGrams"), BsonValues.money(bracket, "fee")))))),
                BsonValues.money(policy, "returnFee"),
                BsonValues.money(policy, "exchangeFee"));
    }
}
