package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a product for good (from any status but {@code DISCONTINUED}); it can no longer change or be sold. */
public record DiscontinueProduct(@TargetAggregateIdentifier ProductId productId) {
    public DiscontinueProduct {
        Objects.requireNonNull(productId, "productId");
    }
}
