package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment deadline passed (system actors). An order still unpaid expires (after asking the provider whether the
 * payment went through after all); any other order is left as it is.
 */
public record ExpireOrder(@TargetAggregateIdentifier OrderId orderId) {
    public ExpireOrder {
        Objects.requireNonNull(orderId, "orderId");
    }
}
