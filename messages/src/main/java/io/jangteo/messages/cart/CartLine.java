package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import java.util.Objects;

/** A line as it left or entered a cart: the variant and how many of it. */
public record CartLine(ProductId productId, VariantId variantId, long quantity) {
    public CartLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
