package io.jangteo.messages.coupon;

import java.util.Objects;

/** One coupon by code; answers {@code Optional<CouponView>}. */
public record FindCouponQuery(CouponId couponId) {
    public FindCouponQuery {
        Objects.requireNonNull(couponId, "couponId");
    }
}
