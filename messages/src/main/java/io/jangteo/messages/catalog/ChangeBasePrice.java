package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a product's base price; every variant's price moves with it and none may become negative. */
public record ChangeBasePrice(@TargetAggregateIdentifier ProductId productId, Money basePrice) {
    public ChangeBasePrice {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(basePrice, "basePrice");
    }
}
