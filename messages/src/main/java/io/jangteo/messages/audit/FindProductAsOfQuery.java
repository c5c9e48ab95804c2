package io.jangteo.messages.audit;

import io.jangteo.messages.catalog.ProductId;

import java.util.Objects;

/**
 * A product (price, variants, stock, status) as it was at {@code asOf}, rebuilt from its events. Answers
 * {@code Optional<ProductView>}, empty before its creation; visibility is the caller's to apply.
 */
public record FindProductAsOfQuery(ProductId productId, AsOf asOf) {
    public FindProductAsOfQuery {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(asOf, "asOf");
    }
}
