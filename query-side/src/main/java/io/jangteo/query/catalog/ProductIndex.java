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
     * This index with {@code changed} entries replaced or added. Orders whose keys none of them changed keep their
     * sequence and only take the new entries: a stock change must not cost a sort of the whole catalog.
     */
    ProductIndex updated(Stamp newStamp, Collection<CatalogEntry> changed) {
        Map<String, CatalogEntry> next = new HashMap<>(byId);
        boolean[] resort = new boolean[SORTS.length];
        for (CatalogEntry entry : changed) {
            CatalogEntry before = next.put(entry.id(), entry);
            for (ProductSort sort : SORTS) {
                resort[sort.ordinal()] |= before == null || ProductOrder.keyChanged(sort, before, entry);
            }
        }
        CatalogEntry[][] nextOrders = new CatalogEntry[SORTS.length][];
        for (ProductSort sort : SORTS) {
            if (resort[sort.ordinal()]) {
                nextOrders[sort.ordinal()] = sorted(next.values(), sort);
            } else {
                CatalogEntry[] order = orders[sort.ordinal()].clone();
                for (int i = 0; i < order.length; i++) {
                    order[i] = next.get(order[i].id());
                }
                nextOrders[sort.ordinal()] = order;
            }
        }
        return new ProductIndex(newStamp, next, nextOrders);
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
