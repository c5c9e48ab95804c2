package io.jangteo.messages.order;

import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * An order as the read model holds it, seen by one viewer: a seller sees only its own lines, part, claims and refunds
 * (and the shipping address, to ship); {@code shippingAddress} is null for viewers who may not see it and once the
 * buyer is erased. Amounts are the order's own (for a seller: still the whole order's totals, see {@code lines}).
 * {@code version} is the order aggregate's last sequence number.
 */
public record OrderView(OrderId orderId, MemberId buyerId, OrderStatus status, List<OrderLineView> lines,
                        List<SellerPartView> sellers, Money itemsTotal, CouponId couponId, Money couponDiscount,
                        long pointsUsed, Money shippingTotal, Money amountToPay, Money refundedTotal,
                        PaymentView payment, ShippingAddress shippingAddress, List<ClaimView> claims,
                        List<RefundView> refunds, List<LineRejection> rejections, String statusReason, String grade,
                        Instant placedAt, Instant updatedAt, long version) {
    public OrderView {
        lines = List.copyOf(lines);
        sellers = List.copyOf(sellers);
        claims = claims == null ? List.of() : List.copyOf(claims);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }
}
