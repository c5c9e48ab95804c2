package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a listed product out of the storefront without ending it. */
public record HideProduct(@TargetAggregateIdentifier ProductId productId) {
    public HideProduct {
        Objects.requireNonNull(productId, "productId");
    }
}
