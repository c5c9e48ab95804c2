package io.jangteo.messages.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record RenameProduct(@TargetAggregateIdentifier ProductId productId, String name) {
    public RenameProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
    }
}
