package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectExchange(@TargetAggregateIdentifier OrderId orderId, String exchangeId, String reason) {
    public RejectExchange {
        Objects.requireNonNull(orderId, "orderId");
    }
}
