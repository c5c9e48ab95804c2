package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Everything is reserved: ask the provider for the payment (system actors). Brand pay is charged at once; the other
 * methods answer a redirect URL or, for bank transfer, a virtual account. Idempotent.
 */
public record RequestPayment(@TargetAggregateIdentifier OrderId orderId) {
    public RequestPayment {
        Objects.requireNonNull(orderId, "orderId");
    }
}
