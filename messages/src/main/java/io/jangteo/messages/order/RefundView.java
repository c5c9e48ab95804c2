package io.jangteo.messages.order;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import java.util.List;

public record RefundView(String refundId, SellerId sellerId, List<String> lineIds, Money itemsRefund,
                         Money shippingRefund, Money feeDeducted, Money amount, long points, String reason,
                         Instant refundedAt) {
    public RefundView {
        lineIds = List.copyOf(lineIds);
    }
}
