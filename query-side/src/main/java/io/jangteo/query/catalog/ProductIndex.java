package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.ProductSort;
import io.jangteo.query.shared.ChangeCounters.Stamp;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** An immutable snapshot of every product's list fields, in each sort order. */
final class ProductIndex {

    private static final ProductSort[] SORTS = ProductSort.values();
    static final ProductIndex EMPTY = build(Stamp.NONE, Map.of());

    private final Stamp stamp;
    private final Map<String, CatalogEntry> byId;
    private final CatalogEntry[][] orders;

    private ProductIndex(Stamp stamp, Map<String, CatalogEntry> byId, CatalogEntry[][] orders) {
        this.stamp = stamp;
        this.byId = byId;
        this.orders = orders;
    }

    static ProductIndex build(Stamp stamp, Map<String, CatalogEntry> byId) {
        CatalogEntry[][] orders = new CatalogEntry[SORTS.length][];
        for (ProductSort sort : SORTS) {
            orders[sort.ordinal()] = sorted(byId.values(), sort);
        }
        return new ProductIndex(stamp, byId, orders);
    }

    /**
     * This index with {@code changed} entries replaced or added, each order merged rather than sorted again: a new
     * product or a price change costs a pass over the catalog, not a sort of it.
     */
    ProductIndex updated(Stamp newStamp, Collection<CatalogEntry> changed) {
        Map<String, CatalogEntry> next = new HashMap<>(byId);
        Map<String, CatalogEntry> fresh = new HashMap<>();
        for (CatalogEntry entry : changed) {
            next.put(entry.id(), entry);
            fresh.put(entry.id(), entry);
        }
        CatalogEntry[][] nextOrders = new CatalogEntry[SORTS.length][];
        for (ProductSort sort : SORTS) {
            nextOrders[sort.ordinal()] = merged(orders[sort.ordinal()], fresh, ProductOrder.of(sort));
        }
        return new ProductIndex(newStamp, next, nextOrders);
    }

    /**
     * The order with the changed entries taken out (what is left is still in order) and put back where they now
     * belong: one pass over the catalog plus a sort of the few changed entries, never a sort of the whole catalog.
     */
    private static CatalogEntry[] merged(CatalogEntry[] order, Map<String, CatalogEntry> fresh,
                                         java.util.Comparator<CatalogEntry> comparator) {
        CatalogEntry[] inserted = fresh.values().toArray(new CatalogEntry[0]);
        Arrays.sort(inserted, comparator);
        int kept = 0;
        for (CatalogEntry entry : order) {
            if (!fresh.containsKey(entry.id())) {
                kept++;
            }
        }
        CatalogEntry[] result = new CatalogEntry[kept + inserted.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < order.length || j < inserted.length) {
            while (i < order.length && fresh.containsKey(order[i].id())) {
                i++;
            }
            if (i < order.length && (j == inserted.length || comparator.compare(order[i], inserted[j]) <= 0)) {
                result[k++] = order[i++];
            } else if (j < inserted.length) {
                result[k++] = inserted[j++];
            }
        }
        return result;
    }

    private static CatalogEntry[] sorted(Collection<CatalogEntry> entries, ProductSort sort) {
        CatalogEntry[] order = entries.toArray(new CatalogEntry[0]);
        Arrays.sort(order, ProductOrder.of(sort));
        return order;
    }

    Stamp stamp() {
        return stamp;
    }

    boolean isAtLeast(Stamp other) {
        return this != EMPTY && stamp.epoch() == other.epoch() && stamp.committed() >= other.committed();
    }

    CatalogEntry find(String id) {
        return byId.get(id);
    }

    CatalogEntry[] order(ProductSort sort) {
        return orders[sort.ordinal()];
    }

    Collection<CatalogEntry> entries() {
        return byId.values();
    }
}
