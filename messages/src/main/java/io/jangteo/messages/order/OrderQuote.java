package io.jangteo.messages.order;

import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.shared.Money;
import java.util.List;

/**
 * An order priced: itemsTotal − couponDiscount + shippingTotal − points = amountToPay, all in one currency's integer
 * minor units (points count one minor unit each). {@code grade} is the buyer's grade when priced. The cart shows it and
 * the order snapshots it.
 */
public record OrderQuote(List<QuotedLine> lines, List<QuotedSellerPart> sellers, Money itemsTotal,
                         CouponId couponId, Money couponDiscount, long points, Money shippingTotal,
                         Money amountToPay, String grade) {
    public OrderQuote {
        lines = List.copyOf(lines);
        sellers = List.copyOf(sellers);
    }
}
