package io.jangteo.query.coupon;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code coupon_uses} collection: per coupon and member ({@code _id} = {@code <code>|<memberId>}) the orders that
 * hold the coupon now, so the per-member limit is one lookup by {@code _id}, which the embedded server serves without
 * scanning. A document follows its coupon's events: {@code version} is the last one applied, and an event not newer is
 * skipped, so a replay or a redelivery leaves the same orders. The write is a compare-and-set on
 * {@code {_id, version}} (a unique index, as for the other version-guarded read models).
 */
final class CouponUses {

    static final String COLLECTION = "coupon_uses";
    static final String COUPON_ID = "couponId";
    static final String MEMBER_ID = "memberId";
    static final String ACTIVE_ORDERS = "activeOrders";
    static final String VERSION = "version";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> uses;

    CouponUses(MongoDatabase database) {
        this.uses = database.getCollection(COLLECTION);
        uses.createIndex(Indexes.ascending("_id", VERSION), new IndexOptions().unique(true).name("id_version"));
    }

    static String id(String couponId, String memberId) {
        return couponId + "|" + memberId;
    }

    /** The orders of {@code memberId} holding the coupon now. */
    List<String> activeOrders(String couponId, String memberId) {
        Document document = uses.find(eq("_id", id(couponId, memberId))).first();
        return document == null ? List.of() : BsonValues.strings(document, ACTIVE_ORDERS);
    }

    void redeemed(String couponId, String memberId, String orderId, long version) {
        change(couponId, memberId, version, orders -> {
            orders.add(orderId);
            return orders;
        });
    }

    void restored(String couponId, String memberId, String orderId, long version) {
        change(couponId, memberId, version, orders -> {
            orders.remove(orderId);
            return orders;
        });
    }

    void reset() {
        uses.deleteMany(new Document());
    }

    private void change(String couponId, String memberId, long version, UnaryOperator<Set<String>> change) {
        String id = id(couponId, memberId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = uses.find(eq("_id", id)).first();
            if (current != null && BsonValues.number(current, VERSION) >= version) {
                return;
            }
            Set<String> orders = new LinkedHashSet<>(current == null ? List.of()
                    : BsonValues.strings(current, ACTIVE_ORDERS));
            Document next = new Document("_id", id)
                    .append(COUPON_ID, couponId)
                    .append(MEMBER_ID, memberId)
                    .append(ACTIVE_ORDERS, List.copyOf(change.apply(orders)))
                    .append(VERSION, version);
            if (current == null) {
                try {
                    uses.insertOne(next);
                    return;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // another delivery of a coupon event got there first: look again
                }
            }
            Document guard = new Document("_id", id).append(VERSION, BsonValues.number(current, VERSION));
            if (uses.replaceOne(guard, next).getMatchedCount() == 1) {
                return;
            }
        }
        throw new IllegalStateException("coupon use " + id + " kept changing; giving up");
    }
}
