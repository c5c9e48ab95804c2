package io.jangteo.messages.order;

import io.jangteo.messages.shared.Money;
import java.util.Objects;

/**
 * A payment as the provider holds it, for reconciliation with the order's own record.
 *
 * @param orderId      the order the provider was told of; null when the provider's request named none (a stored
 *                     method's charge names only the payment key)
 * @param refunded     paid back so far
 * @param transactions how many charges the provider took under this key: 1 once approved, 0 before or without; more
 *                     than 1 would be a payment taken twice
 */
public record ProviderPaymentView(String paymentKey, OrderId orderId, PaymentMethod method, Status status,
                                  Money amount, Money refunded, long transactions) {
    public ProviderPaymentView {
        Objects.requireNonNull(paymentKey, "paymentKey");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refunded, "refunded");
        if (transactions < 0) {
            throw new IllegalArgumentException("transactions must not be negative");
        }
    }

    /** Where the payment is at the provider. */
    public enum Status {
        /** Opened; waiting for the buyer's approval or the deposit. */
        READY,
        /** Approved: the money is taken. */
        APPROVED,
        /** Declined, abandoned or lapsed before approval. */
        CANCELLED
    }
}
