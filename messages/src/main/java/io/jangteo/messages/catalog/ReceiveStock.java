package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Goods arrived (입고): add {@code quantity} (≥ 1) to a variant's on-hand stock. */
public record ReceiveStock(@TargetAggregateIdentifier ProductId productId, VariantId variantId, long quantity,
                           String reason) {
    public ReceiveStock {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
