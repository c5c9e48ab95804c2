package io.jangteo.messages.order;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.FeeComponent;
import java.util.List;

/**
 * One seller's part of an order: its items, its shipping fee with the breakdown and the version of the shipping
 * policy that produced it, and the return and exchange fees that policy set (snapshotted: a later policy change does
 * not touch this order).
 */
public record QuotedSellerPart(SellerId sellerId, String sellerName, int policyVersion, Money itemsAmount,
                               Money shippingFee, List<FeeComponent> shippingBreakdown, int shipments,
                               Money returnFee, Money exchangeFee) {
    public QuotedSellerPart {
        shippingBreakdown = shippingBreakdown == null ? List.of() : List.copyOf(shippingBreakdown);
    }
}
