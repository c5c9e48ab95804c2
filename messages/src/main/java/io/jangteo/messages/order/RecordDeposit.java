package io.jangteo.messages.order;

import io.jangteo.messages.shared.Money;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider's signed deposit callback reported money in the order's virtual account (system actors). Idempotent. */
public record RecordDeposit(@TargetAggregateIdentifier OrderId orderId, String paymentKey, Money amount,
                            String providerTransactionId) {
    public RecordDeposit {
        Objects.requireNonNull(orderId, "orderId");
    }
}
