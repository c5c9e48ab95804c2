package io.jangteo.messages.coupon;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Use the coupon for an order (system actors: checkout). Refused when withdrawn, outside its validity window, when
 * the member reached the per-member limit, or when {@code discount} is not what {@link CouponTerms#discountFor} gives
 * for {@code lines} (the buyer was shown something else). Idempotent per order.
 */
public record RedeemCoupon(@TargetAggregateIdentifier CouponId couponId, MemberId memberId, String orderId,
                           List<CouponLine> lines, Money discount) {
    public RedeemCoupon {
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(discount, "discount");
        lines = List.copyOf(lines);
    }
}
