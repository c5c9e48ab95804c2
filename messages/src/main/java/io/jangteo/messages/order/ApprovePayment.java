package io.jangteo.messages.order;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The buyer came back from the provider's page with its approval token (Kakao Pay's {@code pg_token}, Toss's
 * {@code paymentKey}...): confirm the payment with the provider. Idempotent once approved.
 */
public record ApprovePayment(@TargetAggregateIdentifier OrderId orderId, String approvalToken) {
    public ApprovePayment {
        Objects.requireNonNull(orderId, "orderId");
    }
}
