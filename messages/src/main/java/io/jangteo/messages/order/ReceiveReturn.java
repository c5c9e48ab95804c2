package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The seller received the returned goods: the lines are refunded through the provider, less the seller's return fee
 * when the buyer was at fault, and their points go back.
 */
public record ReceiveReturn(@TargetAggregateIdentifier OrderId orderId, String returnId) {
    public ReceiveReturn {
        Objects.requireNonNull(orderId, "orderId");
    }
}
