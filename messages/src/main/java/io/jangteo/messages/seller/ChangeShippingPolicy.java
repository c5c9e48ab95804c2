package io.jangteo.messages.seller;

import io.jangteo.messages.shipping.ShippingPolicy;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a shop's shipping-fee policy. The shop's own seller or an admin may; every change is a new policy version. */
public record ChangeShippingPolicy(@TargetAggregateIdentifier SellerId sellerId, ShippingPolicy policy) {
    public ChangeShippingPolicy {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(policy, "policy");
    }
}
