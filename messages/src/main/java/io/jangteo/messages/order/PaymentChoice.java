package io.jangteo.messages.order;

import io.jangteo.messages.member.PaymentMethodId;
import java.util.Objects;

/**
 * The buyer's choice of payment. {@code storedMethodId} names the stored method for {@code BRAND_PAY} (null otherwise);
 * {@code returnUrl} is where the provider sends the buyer back after a redirect flow (null for brand pay and bank
 * transfer).
 */
public record PaymentChoice(PaymentMethod method, PaymentMethodId storedMethodId, String returnUrl) {
    public PaymentChoice {
        Objects.requireNonNull(method, "method");
    }
}
