package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import java.util.Objects;

/**
 * A line a merge put into a member's cart: {@code added} of the guest's units were taken, and the line now holds
 * {@code quantity} (the member's earlier units plus those, capped at the per-line limit).
 */
public record MergedCartLine(ProductId productId, VariantId variantId, long added, long quantity) {
    public MergedCartLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
