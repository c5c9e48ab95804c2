package io.jangteo.query.coupon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponIssued;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponStatus;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;

/**
 * The shape of a coupon document in the {@code coupons} collection, {@code _id} the code. {@code redemptions} counts
 * the orders holding the coupon now; {@code position} numbers coupons in the order they were issued, the tie-break of
 * the newest-first list.
 */
final class CouponDocument {

    static final String COLLECTION = "coupons";
    static final String TERMS = "terms";
    static final String STATUS = "status";
    static final String ISSUER_SELLER_ID = "issuerSellerId";
    static final String REDEMPTIONS = "redemptions";
    static final String ISSUED_AT = "issuedAt";
    static final String WITHDRAWN_AT = "withdrawnAt";
    static final String POSITION = "position";
    /** Where the end of the validity window sits, for the "active only" filter. */
    static final String VALID_UNTIL = TERMS + ".validUntil";

    private CouponDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }

    static Document issued(CouponIssued event, long position) {
        return new Document(TERMS, terms(event.terms()))
                .append(STATUS, CouponStatus.ACTIVE.name())
                .append(ISSUER_SELLER_ID, event.issuerSellerId())
                .append(REDEMPTIONS, 0L)
                .append(ISSUED_AT, event.issuedAt() == null ? null : BsonValues.millis(event.issuedAt()))
                .append(POSITION, position);
    }

    static CouponView toView(Document document) {
        return new CouponView(
                new CouponId(document.getString("_id")),
                terms(document.get(TERMS, Document.class)),
                BsonValues.enumValue(document, STATUS, CouponStatus.class),
                document.getString(ISSUER_SELLER_ID),
                BsonValues.number(document, REDEMPTIONS),
                BsonValues.instant(document, ISSUED_AT),
                BsonValues.number(document, VersionedDocuments.VERSION));
    }

    private static Document terms(CouponTerms terms) {
        return new Document("name", terms.name())
                .append("kind", terms.kind().name())
                .append("fixedAmount", BsonValues.money(terms.fixedAmount()))
                .append("ratePercent", terms.ratePercent())
                .append("maxDiscount", BsonValues.money(terms.maxDiscount()))
                .append("minimumOrder", BsonValues.money(terms.minimumOrder()))
                .append("scopeKind", terms.scope().kind().name())
                .append("scopeIds", terms.scope().ids())
                .append("perMemberLimit", terms.perMemberLimit())
                .append("validFrom", BsonValues.millis(terms.validFrom()))
                .append("validUntil", terms.validUntil() == null ? null : BsonValues.millis(terms.validUntil()));
    }

    private static CouponTerms terms(Document terms) {
        return new CouponTerms(
                terms.getString("name"),
                BsonValues.enumValue(terms, "kind", DiscountKind.class),
                BsonValues.money(terms, "fixedAmount"),
                (int) BsonValues.number(terms, "ratePercent"),
                BsonValues.money(terms, "maxDiscount"),
                BsonValues.money(terms, "minimumOrder"),
                new CouponScope(BsonValues.enumValue(terms, "scopeKind", CouponScopeKind.class),
                        BsonValues.strings(terms, "scopeIds")),
                (int) BsonValues.number(terms, "perMemberLimit"),
                BsonValues.instant(terms, "validFrom"),
                BsonValues.instant(terms, "validUntil"));
    }
}
