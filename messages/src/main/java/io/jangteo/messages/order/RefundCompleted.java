package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Money and points went back to the buyer: {@code amount} = itemsRefund + shippingRefund − feeDeducted, paid back
 * through the provider under {@code refundId} (idempotent there); {@code points} go back to the spending they came from.
 */
@Revision("1")
public record RefundCompleted(OrderId orderId, MemberId buyerId, String refundId, SellerId sellerId,
                              List<String> lineIds, Money itemsRefund, Money shippingRefund, Money feeDeducted,
                              Money amount, long points, String paymentKey, String providerRefundId, String reason,
                              Instant refundedAt) {
}
