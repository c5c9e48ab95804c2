package io.jangteo.messages.coupon;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give an order's use of the coupon back (its order was cancelled, rejected or expired). System actors; idempotent. */
public record RestoreCoupon(@TargetAggregateIdentifier CouponId couponId, String orderId, String reason) {
    public RestoreCoupon {
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
