package io.jangteo.messages.order;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import java.util.Objects;

/** One line the buyer asks for. */
public record OrderLineInput(ProductId productId, VariantId variantId, long quantity) {
    public OrderLineInput {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
