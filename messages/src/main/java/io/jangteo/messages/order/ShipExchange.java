package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller sent the replacement. */
public record ShipExchange(@TargetAggregateIdentifier OrderId orderId, String exchangeId, String carrier,
                           String trackingNumber) {
    public ShipExchange {
        Objects.requireNonNull(orderId, "orderId");
    }
}
