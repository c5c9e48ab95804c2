package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.Set;

/**
 * Which products a list shows; null fields do not filter. {@code categoryId} includes its sub-categories; prices
 * compare with the product's lowest variant price; {@code text} matches name, brand and tags, case-insensitively.
 */
public record ProductFilter(CategoryId categoryId, SellerId sellerId, Money minPrice, Money maxPrice,
                            Set<ProductStatus> statuses, Boolean inStock, String text) {
    public static final ProductFilter NONE = new ProductFilter(null, null, null, null, null, null, null);

    public ProductFilter {
        statuses = statuses == null ? null : Set.copyOf(statuses);
    }
}
