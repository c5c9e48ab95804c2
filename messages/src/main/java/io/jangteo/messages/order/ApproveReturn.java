package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveReturn(@TargetAggregateIdentifier OrderId orderId, String returnId) {
    public ApproveReturn {
        Objects.requireNonNull(orderId, "orderId");
    }
}
