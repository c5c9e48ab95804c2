package io.jangteo.query.coupon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponStatus;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.member.MemberId;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Reads of the coupon read model: a coupon and a member's uses of it by {@code _id}; lists filtered in the collection,
 * which stays small (coupons are issued by hand, not per order). Public for the order quote, which checks a coupon
 * before checkout does.
 */
@Component
public final class CouponDirectory {

    static final int MAX_LIST = 100;

    private final MongoCollection<Document> coupons;
    private final CouponUses uses;

    CouponDirectory(MongoDatabase database) {
        this.coupons = CouponDocument.collection(database);
        this.uses = new CouponUses(database);
    }

    public Optional<CouponView> find(CouponId couponId) {
        Document document = coupons.find(eq("_id", couponId.value())).first();
        return document == null ? Optional.empty() : Optional.of(CouponDocument.toView(document));
    }

    /** How many orders of {@code memberId} hold the coupon now (a cancelled order gave its use back). */
    public long activeUses(CouponId couponId, MemberId memberId) {
        return uses.activeOrders(couponId.value(), memberId.value()).size();
    }

    /**
     * Newest first; only {@code issuerSellerId}'s when given; {@code activeOnly} leaves out withdrawn coupons and those
     * whose window ended by {@code now}.
     */
    List<CouponView> list(String issuerSellerId, boolean activeOnly, int limit, Instant now) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIST + ", was " + limit);
        }
        List<Bson> conditions = new ArrayList<>();
        if (issuerSellerId != null) {
            conditions.add(eq(CouponDocument.ISSUER_SELLER_ID, issuerSellerId));
        }
        if (activeOnly) {
            conditions.add(eq(CouponDocument.STATUS, CouponStatus.ACTIVE.name()));
            conditions.add(Filters.or(eq(CouponDocument.VALID_UNTIL, null),
                    Filters.gt(CouponDocument.VALID_UNTIL, BsonValues.millis(now))));
        }
        List<CouponView> views = new ArrayList<>();
        for (Document document : coupons.find(conditions.isEmpty() ? new Document() : Filters.and(conditions))
                .sort(Sorts.descending(CouponDocument.ISSUED_AT, CouponDocument.POSITION))
                .limit(limit)) {
            views.add(CouponDocument.toView(document));
        }
        return views;
    }
}
