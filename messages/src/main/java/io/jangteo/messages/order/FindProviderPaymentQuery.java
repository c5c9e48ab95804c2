package io.jangteo.messages.order;

import java.util.Objects;

/**
 * What the payment provider holds for one payment key ({@link PaymentView#paymentKey()}), asked of the provider itself
 * rather than of our read model, so support can reconcile an order with the money actually taken. Answers
 * {@code Optional<ProviderPaymentView>}: empty when the provider knows no payment under the key.
 */
public record FindProviderPaymentQuery(String paymentKey) {
    public FindProviderPaymentQuery {
        Objects.requireNonNull(paymentKey, "paymentKey");
        if (paymentKey.isBlank()) {
            throw new IllegalArgumentException("paymentKey must not be blank");
        }
    }
}
