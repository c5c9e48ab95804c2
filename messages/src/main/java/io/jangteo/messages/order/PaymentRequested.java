package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code redirectUrl} for redirect flows, {@code virtualAccount} for bank transfer; payment is due by {@code expiresAt}. */
@Revision("1")
public record PaymentRequested(OrderId orderId, MemberId buyerId, String paymentKey, PaymentMethod method,
                               Money amount, String redirectUrl, VirtualAccount virtualAccount, Instant expiresAt,
                               Instant requestedAt) {
}
