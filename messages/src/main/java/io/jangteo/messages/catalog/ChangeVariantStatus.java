package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Activate or deactivate one variant. */
public record ChangeVariantStatus(@TargetAggregateIdentifier ProductId productId, VariantId variantId,
                                  VariantStatus status) {
    public ChangeVariantStatus {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(status, "status");
    }
}
