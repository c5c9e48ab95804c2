package io.jangteo.query.analytics;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.analytics.FindSalesStatsQuery;
import io.jangteo.messages.analytics.SalesStatsFilter;
import io.jangteo.messages.analytics.SalesStatsRow;
import io.jangteo.messages.analytics.SalesStatsView;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.query.shared.BsonValues;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sales by business day, seller and category (see {@link SalesStats}), counted when an order is paid and lowered when
 * money for items goes back. The lines come from the order as placed, kept in a small per-order document
 * ({@code sales_orders}) because {@link PaymentApproved} names only the order; an order that ends before payment is
 * never counted. Every increment carries the key {@code orderId#sequence}, so a redelivered or replayed event adds
 * nothing twice, and a crash between the rows of one event is repaired by the redelivery finishing them.
 * <p>
 * Days are calendar days in the business time zone ({@code jangteo.analytics.business-time-zone}, Asia/Seoul by
 * default), taken from the payment's and the refund's own instants: a payment at 23:30 UTC belongs to the next Korean
 * day. Changing the zone needs a rebuild of this processing group.
 */
@Component
@ProcessingGroup(SalesStatsProjection.PROCESSING_GROUP)
class SalesStatsProjection {

    static final String PROCESSING_GROUP = "sales-stats";

    private static final String LINES = "lines";
    private static final String PAID_DAY = "paidDay";
    private static final String ENDED = "endedUnpaid";
    private static final String CURRENCY = "currency";

    private final SalesStats stats;
    private final MongoCollection<Document> orders;
    private final QueryUpdateEmitter updateEmitter;
    private final ZoneId zone;

    SalesStatsProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter,
                         @Value("${jangteo.analytics.business-time-zone:" + SalesStatsFilter.BUSINESS_ZONE_DEFAULT
                                 + "}") String zone) {
        this.stats = new SalesStats(database);
        this.orders = database.getCollection("sales_orders");
        this.updateEmitter = updateEmitter;
        this.zone = ZoneId.of(zone);
    }

    @EventHandler
    void on(OrderPlaced event) {
        List<Document> lines = new ArrayList<>();
        for (QuotedLine line : event.quote().lines()) {
            lines.add(new Document("lineId", line.lineId())
                    .append("sellerId", line.sellerId().value())
                    .append("categoryId", line.categoryId() == null || line.categoryId().isBlank()
                            ? SalesStats.UNCATEGORIZED : line.categoryId())
                    .append("quantity", line.quantity())
                    .append("payAmount", line.payAmount().amount()));
        }
        try {
            orders.insertOne(new Document("_id", event.orderId().value()).append(LINES, lines)
                    .append(CURRENCY, event.quote().amountToPay().currency()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // redelivered: the order as placed never changes, so the stored copy is the same
        }
    }

    @EventHandler
    void on(PaymentApproved event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        Document order = order(event.orderId().value());
        if (order == null) {
            return; // placed before this read model could see it: nothing to count it by
        }
        LocalDate day = day(event.approvedAt(), occurredAt);
        String currency = order.getString(CURRENCY);
        // per row: units and pay amount; the order itself counts once per row it touches
        Map<String, long[]> perRow = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (Document line : lines(order)) {
            String seller = line.getString("sellerId");
            String category = line.getString("categoryId");
            for (String[] level : levels(seller, category)) {
                String id = SalesStats.id(day, level[0], level[1]);
                keys.putIfAbsent(id, level);
                long[] sums = perRow.computeIfAbsent(id, ignored -> new long[2]);
                sums[0] += BsonValues.number(line, "quantity");
                sums[1] += BsonValues.number(line, "payAmount");
            }
        }
        List<SalesStats.Contribution> contributions = new ArrayList<>();
        perRow.forEach((id, sums) -> contributions.add(new SalesStats.Contribution(day, keys.get(id)[0],
                keys.get(id)[1], 1, sums[0], sums[1], 0, currency)));
        apply(event.orderId().value() + "#" + sequence, contributions);
        orders.updateOne(Filters.eq("_id", event.orderId().value()), Updates.set(PAID_DAY, day.toString()));
    }

    /**
     * The items' money given back ({@code itemsRefund}), spread over the lines the refund names in proportion to their
     * pay amounts (the remainder to the last line, so the rows add up to the refund exactly); shipping refunds and
     * return fees are not sales and stay out.
     */
    @EventHandler
    void on(RefundCompleted event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        Document order = order(event.orderId().value());
        if (order == null || order.getString(PAID_DAY) == null || event.itemsRefund() == null
                || event.itemsRefund().amount() == 0) {
            return;
        }
        LocalDate day = day(event.refundedAt(), occurredAt);
        String currency = event.itemsRefund().currency();
        List<Document> named = lines(order).stream()
                .filter(line -> event.lineIds() != null && event.lineIds().contains(line.getString("lineId")))
                .toList();
        Map<String, Long> perCell = new LinkedHashMap<>(); // "seller|category" -> refund
        if (named.isEmpty()) {
            String seller = event.sellerId() == null ? SalesStats.ALL : event.sellerId().value();
            perCell.put(seller + "|" + SalesStats.UNCATEGORIZED, event.itemsRefund().amount());
        } else {
            long weights = named.stream().mapToLong(line -> BsonValues.number(line, "payAmount")).sum();
            long left = event.itemsRefund().amount();
            for (int i = 0; i < named.size(); i++) {
                Document line = named.get(i);
                long share = i == named.size() - 1 ? left : weights == 0 ? 0
                        : Math.multiplyExact(event.itemsRefund().amount(), BsonValues.number(line, "payAmount"))
                        / weights;
                left -= share;
                perCell.merge(line.getString("sellerId") + "|" + line.getString("categoryId"), share, Long::sum);
            }
        }
        Map<String, long[]> perRow = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        perCell.forEach((cell, amount) -> {
            String[] parts = cell.split("\\|", 2);
            for (String[] level : levels(parts[0], parts[1])) {
                String id = SalesStats.id(day, level[0], level[1]);
                keys.putIfAbsent(id, level);
                perRow.computeIfAbsent(id, ignored -> new long[1])[0] += amount;
            }
        });
        List<SalesStats.Contribution> contributions = new ArrayList<>();
        perRow.forEach((id, sums) -> contributions.add(new SalesStats.Contribution(day, keys.get(id)[0],
                keys.get(id)[1], 0, 0, 0, sums[0], currency)));
        apply(event.orderId().value() + "#" + sequence, contributions);
    }

    /** Ends before payment count nothing; the mark only tells a reader of {@code sales_orders} why. */
    @EventHandler
    void on(OrderCancelled event) {
        orders.updateOne(Filters.eq("_id", event.orderId().value()), Updates.set(ENDED, true));
    }

    @EventHandler
    void on(OrderExpired event) {
        orders.updateOne(Filters.eq("_id", event.orderId().value()), Updates.set(ENDED, true));
    }

    @ResetHandler
    void reset() {
        stats.reset();
        orders.deleteMany(new Document());
    }

    @QueryHandler
    SalesStatsView find(FindSalesStatsQuery query) {
        return stats.answer(query);
    }

    // ----

    private LocalDate day(Instant instant, Instant occurredAt) {
        return (instant == null ? occurredAt : instant).atZone(zone).toLocalDate();
    }

    /** The four rows a sale of this seller and category counts in. */
    private static List<String[]> levels(String seller, String category) {
        return List.of(new String[]{seller, category}, new String[]{seller, SalesStats.ALL},
                new String[]{SalesStats.ALL, category}, new String[]{SalesStats.ALL, SalesStats.ALL});
    }

    private Document order(String orderId) {
        return orders.find(Filters.eq("_id", orderId)).first();
    }

    private static List<Document> lines(Document order) {
        return BsonValues.documents(order, LINES, document -> document);
    }

    /**
     * Applies the event's contributions, then tells each subscriber whose filter covers a changed sale the new figures
     * of the day's row at the subscriber's grouping. A redelivery changes no row and tells no one.
     */
    private void apply(String key, List<SalesStats.Contribution> contributions) {
        List<SalesStats.Contribution> changed = stats.apply(key, contributions);
        if (changed.isEmpty()) {
            return;
        }
        Set<FindSalesStatsQuery> subscribers = new LinkedHashSet<>();
        updateEmitter.activeSubscriptions().forEach(subscription -> {
            if (subscription.getPayload() instanceof FindSalesStatsQuery query) {
                subscribers.add(query);
            }
        });
        for (FindSalesStatsQuery query : subscribers) {
            Set<String> rowIds = new LinkedHashSet<>();
            for (SalesStats.Contribution contribution : changed) {
                // only the finest rows are matched against the filter: each sale is in exactly one of them
                if (SalesStats.ALL.equals(contribution.sellerId()) || SalesStats.ALL.equals(contribution.categoryId())
                        || !query.filter().covers(contribution.day(), contribution.sellerId(),
                        contribution.categoryId())) {
                    continue;
                }
                rowIds.add(SalesStats.rowIdFor(query, contribution.day(), contribution.sellerId(),
                        contribution.categoryId()));
            }
            for (String rowId : rowIds) {
                SalesStatsRow row = stats.dayRow(query, rowId);
                if (row != null) {
                    updateEmitter.emit(FindSalesStatsQuery.class, query::equals, row);
                }
            }
        }
    }
}
