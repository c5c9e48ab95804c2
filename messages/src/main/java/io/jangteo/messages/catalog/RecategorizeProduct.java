package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a product to another category (null: no category). */
public record RecategorizeProduct(@TargetAggregateIdentifier ProductId productId, CategoryId categoryId) {
    public RecategorizeProduct {
        Objects.requireNonNull(productId, "productId");
    }
}
