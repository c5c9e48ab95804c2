package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectReturn(@TargetAggregateIdentifier OrderId orderId, String returnId, String reason) {
    public RejectReturn {
        Objects.requireNonNull(orderId, "orderId");
    }
}
