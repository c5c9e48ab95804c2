package io.jangteo.messages.coupon;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a coupon from being used by new orders (its issuer or an admin); orders that used it keep their discount. */
public record WithdrawCoupon(@TargetAggregateIdentifier CouponId couponId, String reason) {
    public WithdrawCoupon {
        Objects.requireNonNull(couponId, "couponId");
    }
}
