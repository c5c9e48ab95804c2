package io.jangteo.messages.order;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.FeeComponent;
import java.time.Instant;
import java.util.List;

public record SellerPartView(SellerId sellerId, String sellerName, SellerPartStatus status, int policyVersion,
                             Money itemsAmount, Money shippingFee, List<FeeComponent> shippingBreakdown,
                             Money returnFee, Money exchangeFee, String carrier, String trackingNumber,
                             Instant preparingAt, Instant shippedAt, Instant deliveredAt, Instant autoConfirmAt,
                             Instant confirmedAt) {
    public SellerPartView {
        shippingBreakdown = shippingBreakdown == null ? List.of() : List.copyOf(shippingBreakdown);
    }
}
