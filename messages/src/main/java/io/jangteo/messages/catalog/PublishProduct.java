package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a draft or hidden product on sale (it becomes {@code SOLD_OUT} at once if nothing is available). */
public record PublishProduct(@TargetAggregateIdentifier ProductId productId) {
    public PublishProduct {
        Objects.requireNonNull(productId, "productId");
    }
}
