package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveExchange(@TargetAggregateIdentifier OrderId orderId, String exchangeId) {
    public ApproveExchange {
        Objects.requireNonNull(orderId, "orderId");
    }
}
