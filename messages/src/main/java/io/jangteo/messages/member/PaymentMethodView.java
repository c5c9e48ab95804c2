package io.jangteo.messages.member;

import java.time.Instant;

/** A stored payment method as anyone may see it: never the billing key. */
public record PaymentMethodView(PaymentMethodId paymentMethodId, String provider, String brand, String last4,
                                int expiryYear, int expiryMonth, boolean isDefault, Instant registeredAt) {
}
