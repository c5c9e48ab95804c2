package io.jangteo.query.analytics;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.analytics.FindSalesStatsQuery;
import io.jangteo.messages.analytics.SalesDimension;
import io.jangteo.messages.analytics.SalesStatsFilter;
import io.jangteo.messages.analytics.SalesStatsRow;
import io.jangteo.messages.analytics.SalesStatsView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sales rows ({@code sales_stats}), one document per business day, seller and category with {@code _id}
 * {@code "day|sellerId|categoryId"}, where {@code *} stands for "all": each sale is counted at four levels (the seller
 * and category, the seller, the category, the whole day), so an order with lines of two sellers counts as one order
 * of the day, and any question is answered by summing rows of different days only, which is exact because an order is
 * paid on one day. Reads are {@code _id} lookups, or one {@code _id} range over the days when a question groups by a
 * dimension it does not fix (the embedded server serves only {@code _id} and unique indexes).
 * <p>
 * Each increment is applied once: the row remembers the keys of the contributions it took ({@code applied}, order id
 * and event sequence), and the update is conditional on the key being absent, a single-document compare-and-set that
 * holds with several writers on a real MongoDB and makes a redelivered or retried event a no-op.
 */
final class SalesStats {

    static final String ALL = "*";
    /** The category of lines whose product had none. */
    static final String UNCATEGORIZED = "uncategorized";
    static final String DAY = "day";
    static final String SELLER_ID = "sellerId";
    static final String CATEGORY_ID = "categoryId";
    static final String ORDERS = "orders";
    static final String ITEMS_SOLD = "itemsSold";
    static final String GROSS = "gross";
    static final String REFUNDS = "refunds";
    static final String CURRENCY = "currency";
    static final String APPLIED = "applied";
    private static final String DEFAULT_CURRENCY = "KRW";

    private final MongoCollection<Document> rows;

    SalesStats(MongoDatabase database) {
        this.rows = database.getCollection("sales_stats");
    }

    MongoCollection<Document> collection() {
        return rows;
    }

    static String id(LocalDate day, String sellerId, String categoryId) {
        return day + "|" + sellerId + "|" + categoryId;
    }

    /** What one event adds to one row. */
    record Contribution(LocalDate day, String sellerId, String categoryId, long orders, long itemsSold, long gross,
                        long refunds, String currency) {
        String rowId() {
            return id(day, sellerId, categoryId);
        }
    }

    /**
     * Applies one event's contributions in one unordered bulk write (one round trip for the event's rows instead of
     * one per row); a row that holds the key already refuses its upsert with a duplicate key, which is how a
     * redelivery is told apart.
     *
     * @return the contributions that changed their row
     */
    List<Contribution> apply(String key, List<Contribution> contributions) {
        if (contributions.isEmpty()) {
            return List.of();
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(contributions.size());
        for (Contribution contribution : contributions) {
            updates.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", contribution.rowId()), Filters.ne(APPLIED, key)),
                    Updates.combine(
                            Updates.setOnInsert(DAY, contribution.day().toString()),
                            Updates.setOnInsert(SELLER_ID, contribution.sellerId()),
                            Updates.setOnInsert(CATEGORY_ID, contribution.categoryId()),
                            Updates.setOnInsert(CURRENCY, contribution.currency()),
                            Updates.inc(ORDERS, contribution.orders()),
                            Updates.inc(ITEMS_SOLD, contribution.itemsSold()),
                            Updates.inc(GROSS, contribution.gross()),
                            Updates.inc(REFUNDS, contribution.refunds()),
                            Updates.push(APPLIED, key)),
                    new UpdateOptions().upsert(true)));
        }
        Set<Integer> refused = new HashSet<>();
        try {
            rows.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        List<Contribution> changed = new ArrayList<>();
        for (int i = 0; i < contributions.size(); i++) {
            if (!refused.contains(i)) {
                changed.add(contributions.get(i));
            }
        }
        return changed;
    }

    Document find(String id) {
        return rows.find(Filters.eq("_id", id)).first();
    }

    void reset() {
        rows.deleteMany(new Document());
    }

    // ---- reads

    /** The seller key of rows at the level {@code query} reads: a fixed shop, every shop one by one, or all. */
    private static String sellerLevel(FindSalesStatsQuery query) {
        SalesStatsFilter filter = query.filter();
        return filter.sellerId() != null ? filter.sellerId().value()
                : query.groups(SalesDimension.SELLER) ? null : ALL;
    }

    private static String categoryLevel(FindSalesStatsQuery query) {
        SalesStatsFilter filter = query.filter();
        return filter.categoryId() != null ? filter.categoryId()
                : query.groups(SalesDimension.CATEGORY) ? null : ALL;
    }

    /** The id of the row at the query's level that a sale of this day, seller and category lands in. */
    static String rowIdFor(FindSalesStatsQuery query, LocalDate day, String sellerId, String categoryId) {
        String seller = sellerLevel(query);
        String category = categoryLevel(query);
        return id(day, seller == null ? sellerId : seller, category == null ? categoryId : category);
    }

    SalesStatsView answer(FindSalesStatsQuery query) {
        FindSalesStatsQuery totalsQuery = new FindSalesStatsQuery(query.filter(), List.of());
        List<Document> documents = read(query);
        List<Document> totalsDocuments = totalsQuery.equals(query) ? documents : read(totalsQuery);
        Map<String, SalesStatsRow> grouped = new TreeMap<>();
        for (Document document : documents) {
            SalesStatsRow row = row(document, query);
            String key = (row.day() == null ? "" : row.day().toString()) + "|"
                    + (row.sellerId() == null ? "" : row.sellerId().value()) + "|"
                    + Objects.toString(row.categoryId(), "");
            grouped.merge(key, row, SalesStats::plus);
        }
        SalesStatsRow totals = empty(null, null, null, currencyOf(totalsDocuments));
        for (Document document : totalsDocuments) {
            totals = plus(totals, row(document, totalsQuery));
        }
        List<SalesStatsRow> ordered = new ArrayList<>(grouped.values());
        ordered.sort(Comparator.comparing(SalesStatsRow::day, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> r.sellerId() == null ? "" : r.sellerId().value())
                .thenComparing(r -> Objects.toString(r.categoryId(), "")));
        return new SalesStatsView(ordered, totals);
    }

    /** One day's row at the query's level, as a subscriber of the query is told it. */
    SalesStatsRow dayRow(FindSalesStatsQuery query, String rowId) {
        Document document = find(rowId);
        if (document == null) {
            return null;
        }
        SalesStatsRow row = row(document, query);
        return new SalesStatsRow(LocalDate.parse(document.getString(DAY)), row.sellerId(), row.categoryId(),
                row.orders(), row.itemsSold(), row.gross(), row.refunds(), row.net());
    }

    private List<Document> read(FindSalesStatsQuery query) {
        SalesStatsFilter filter = query.filter();
        String seller = sellerLevel(query);
        String category = categoryLevel(query);
        List<Document> found = new ArrayList<>();
        if (seller != null && category != null) {
            List<String> ids = new ArrayList<>();
            for (LocalDate day = filter.fromDay(); !day.isAfter(filter.toDay()); day = day.plusDays(1)) {
                ids.add(id(day, seller, category));
            }
            rows.find(Filters.in("_id", ids)).forEach(found::add);
            return found;
        }
        rows.find(Filters.and(Filters.gte("_id", filter.fromDay() + "|"),
                        Filters.lt("_id", filter.toDay().plusDays(1) + "|")))
                .forEach(document -> {
                    String rowSeller = document.getString(SELLER_ID);
                    String rowCategory = document.getString(CATEGORY_ID);
                    boolean sellerFits = seller == null ? !ALL.equals(rowSeller) : seller.equals(rowSeller);
                    boolean categoryFits = category == null ? !ALL.equals(rowCategory) : category.equals(rowCategory);
                    if (sellerFits && categoryFits) {
                        found.add(document);
                    }
                });
        return found;
    }

    private static SalesStatsRow row(Document document, FindSalesStatsQuery query) {
        String currency = Objects.requireNonNullElse(document.getString(CURRENCY), DEFAULT_CURRENCY);
        long gross = number(document, GROSS);
        long refunds = number(document, REFUNDS);
        return new SalesStatsRow(
                query.groups(SalesDimension.DAY) ? LocalDate.parse(document.getString(DAY)) : null,
                query.groups(SalesDimension.SELLER) ? SellerId.of(document.getString(SELLER_ID)) : null,
                query.groups(SalesDimension.CATEGORY) ? document.getString(CATEGORY_ID) : null,
                number(document, ORDERS), number(document, ITEMS_SOLD),
                Money.of(gross, currency), Money.of(refunds, currency), Money.of(gross - refunds, currency));
    }

    private static SalesStatsRow empty(LocalDate day, SellerId sellerId, String categoryId, String currency) {
        Money zero = Money.of(0, currency);
        return new SalesStatsRow(day, sellerId, categoryId, 0, 0, zero, zero, zero);
    }

    private static SalesStatsRow plus(SalesStatsRow a, SalesStatsRow b) {
        return new SalesStatsRow(a.day(), a.sellerId(), a.categoryId(), a.orders() + b.orders(),
                a.itemsSold() + b.itemsSold(), a.gross().plus(b.gross()), a.refunds().plus(b.refunds()),
                a.net().plus(b.net()));
    }

    private static String currencyOf(List<Document> documents) {
        return documents.isEmpty() ? DEFAULT_CURRENCY
                : Objects.requireNonNullElse(documents.get(0).getString(CURRENCY), DEFAULT_CURRENCY);
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
