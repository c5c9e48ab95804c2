package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a variant (a new combination of the product's option values). */
public record AddVariant(@TargetAggregateIdentifier ProductId productId, VariantSpec variant) {
    public AddVariant {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variant, "variant");
    }
}
