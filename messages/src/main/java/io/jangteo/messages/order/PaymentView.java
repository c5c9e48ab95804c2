package io.jangteo.messages.order;

import io.jangteo.messages.shared.Money;
import java.time.Instant;

public record PaymentView(PaymentMethod method, PaymentStatus status, String paymentKey, Money amount,
                          String redirectUrl, VirtualAccount virtualAccount, Instant expiresAt, Instant approvedAt,
                          String declineCode, String declineMessage) {
}
