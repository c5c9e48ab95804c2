package io.jangteo.query.order;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderFilter;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderPage;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Reads of the order read model. One order is a lookup by {@code _id}; a list is a query newest first ({@code placedAt}
 * descending, the id breaking ties, which is also the cursor), served on a real MongoDB by the indexes
 * {@link OrderSummaryDocument#createIndexes} makes. Every order leaves as its viewer may see it.
 */
final class OrderSummaries {

    private final MongoCollection<Document> orders;

    OrderSummaries(MongoDatabase database) {
        this.orders = OrderSummaryDocument.collection(database);
    }

    Optional<OrderView> find(OrderId orderId, Viewer viewer) {
        Document document = orders.find(eq("_id", orderId.value())).first();
        return document == null ? Optional.empty()
                : OrderVisibility.as(viewer, OrderSummaryDocument.toView(document));
    }

    OrderPage page(OrderFilter filter, Viewer viewer, int first, String after) {
        OrderCursor cursor = after == null ? null : OrderCursor.parse(after);
        Optional<OrderFilter> scoped = scope(filter, viewer);
        if (scoped.isEmpty()) {
            return new OrderPage(List.of(), List.of(), 0, false);
        }
        Bson narrowed = narrowed(scoped.get());
        long total = orders.countDocuments(narrowed);
        Bson page = cursor == null ? narrowed : Filters.and(narrowed, Filters.or(
                Filters.lt(OrderSummaryDocument.PLACED_AT, cursor.placedAt()),
                Filters.and(eq(OrderSummaryDocument.PLACED_AT, cursor.placedAt()),
                        Filters.lt("_id", cursor.orderId()))));
        List<Document> found = orders.find(page)
                .sort(Sorts.descending(OrderSummaryDocument.PLACED_AT, "_id"))
                .limit(first + 1)
                .into(new ArrayList<>());
        List<OrderView> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Document document : found.subList(0, Math.min(first, found.size()))) {
            OrderVisibility.as(viewer, OrderSummaryDocument.toView(document)).ifPresent(view -> {
                items.add(view);
                cursors.add(new OrderCursor(BsonValues.number(document, OrderSummaryDocument.PLACED_AT),
                        document.getString("_id")).toString());
            });
        }
        return new OrderPage(items, cursors, total, found.size() > first);
    }

    /**
     * The filter narrowed to what the viewer may list, whatever it asked for: staff list everything; anyone listing
     * their own purchases gets them; otherwise a seller lists its shop's orders and a customer its own purchases;
     * anyone else nothing (empty).
     */
    static Optional<OrderFilter> scope(OrderFilter filter, Viewer viewer) {
        ActorRole role = viewer.role();
        if (role == ActorRole.ADMIN || role == ActorRole.SUPPORT || role == ActorRole.SYSTEM
                || role == ActorRole.ANALYST) {
            return Optional.of(filter);
        }
        // a seller's account may buy too: its own purchases are listed like any buyer's
        if (viewer.actorId() != null && filter.buyerId() != null
                && filter.buyerId().value().equals(viewer.actorId())) {
            return Optional.of(filter);
        }
        if (role == ActorRole.SELLER && viewer.sellerId() != null) {
            return Optional.of(new OrderFilter(filter.buyerId(), SellerId.of(viewer.sellerId()), filter.statuses(),
                    filter.placedFrom(), filter.placedTo()));
        }
        if (role == ActorRole.CUSTOMER && viewer.actorId() != null) {
            return Optional.of(new OrderFilter(MemberId.of(viewer.actorId()), filter.sellerId(), filter.statuses(),
                    filter.placedFrom(), filter.placedTo()));
        }
        return Optional.empty();
    }

    private static Bson narrowed(OrderFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.buyerId() != null) {
            conditions.add(eq(OrderSummaryDocument.BUYER_ID, filter.buyerId().value()));
        }
        if (filter.sellerId() != null) {
            conditions.add(eq(OrderSummaryDocument.SELLER_IDS, filter.sellerId().value()));
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add(Filters.in(OrderSummaryDocument.STATUS,
                    filter.statuses().stream().map(OrderStatus::name).toList()));
        }
        if (filter.placedFrom() != null) {
            conditions.add(Filters.gte(OrderSummaryDocument.PLACED_AT, BsonValues.millis(filter.placedFrom())));
        }
        if (filter.placedTo() != null) {
            conditions.add(Filters.lt(OrderSummaryDocument.PLACED_AT, BsonValues.millis(filter.placedTo())));
        }
        // MongoDB refuses an empty $and
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }
}
