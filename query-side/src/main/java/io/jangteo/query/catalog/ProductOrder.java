package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.ProductSort;

import java.util.Comparator;

/** The order of each {@link ProductSort}; every one ends in a unique key, so pages never overlap or skip. */
final class ProductOrder {

    private static final Comparator<CatalogEntry> BY_ID = Comparator.comparing(CatalogEntry::id);
    private static final Comparator<CatalogEntry> OLDEST =
            Comparator.comparingLong(CatalogEntry::position).thenComparing(BY_ID);
    private static final Comparator<CatalogEntry> NEWEST =
            Comparator.comparingLong(CatalogEntry::position).reversed().thenComparing(BY_ID);
    private static final Comparator<CatalogEntry> PRICE_ASC = Comparator.comparingLong(CatalogEntry::minPrice)
            .thenComparing(CatalogEntry::currency).thenComparing(BY_ID);
    private static final Comparator<CatalogEntry> PRICE_DESC = Comparator.comparingLong(CatalogEntry::minPrice)
            .reversed().thenComparing(CatalogEntry::currency).thenComparing(BY_ID);
    private static final Comparator<CatalogEntry> NAME_ASC =
            Comparator.comparing(CatalogEntry::nameKey).thenComparing(BY_ID);

    private ProductOrder() {
    }

    static Comparator<CatalogEntry> of(ProductSort sort) {
        return switch (sort) {
            case NEWEST -> NEWEST;
            case OLDEST -> OLDEST;
            case PRICE_ASC -> PRICE_ASC;
            case PRICE_DESC -> PRICE_DESC;
            case NAME_ASC -> NAME_ASC;
        };
    }

    /** Whether a changed product may have moved in this order, so that it must be sorted again. */
    static boolean keyChanged(ProductSort sort, CatalogEntry before, CatalogEntry after) {
        return switch (sort) {
            case NEWEST, OLDEST -> before.position() != after.position();
            case PRICE_ASC, PRICE_DESC -> before.minPrice() != after.minPrice()
                    || !before.currency().equals(after.currency());
            case NAME_ASC -> !before.nameKey().equals(after.nameKey());
        };
    }
}
