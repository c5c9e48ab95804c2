package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Correct on-hand stock by {@code delta} (stocktake, damage...), with a reason; never below what is reserved. */
public record AdjustStock(@TargetAggregateIdentifier ProductId productId, VariantId variantId, long delta,
                          String reason) {
    public AdjustStock {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
