package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentApproved(OrderId orderId, MemberId buyerId, String paymentKey, PaymentMethod method,
                              Money amount, String providerTransactionId, Instant approvedAt) {
}
