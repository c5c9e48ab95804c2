package io.jangteo.messages.shipping;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.List;

/**
 * What one seller's part of a cart costs to ship: the seller's item total, the fee and its breakdown (the components
 * add up to {@code fee}), the number of shipments, and the policy version it was computed under.
 */
public record SellerShippingFee(SellerId sellerId, int policyVersion, Money itemsAmount, int shipments, Money fee,
                                List<FeeComponent> breakdown) {
    public SellerShippingFee {
        breakdown = List.copyOf(breakdown);
    }
}
