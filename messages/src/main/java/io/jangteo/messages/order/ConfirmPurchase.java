package io.jangteo.messages.order;

import io.jangteo.messages.seller.SellerId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The buyer confirms the purchase of a delivered seller part (구매확정), or the system does after the auto-confirm
 * period. Earns points at the buyer's grade rate. Idempotent.
 */
public record ConfirmPurchase(@TargetAggregateIdentifier OrderId orderId, SellerId sellerId) {
    public ConfirmPurchase {
        Objects.requireNonNull(orderId, "orderId");
    }
}
