package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import java.util.Objects;

/** Which line of a cart: a variant is unique within its product only, so a line is named by both. */
public record CartItemKey(ProductId productId, VariantId variantId) {
    public CartItemKey {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
