package io.jangteo.messages.coupon;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a coupon (admin: any scope; seller: scope {@code SELLER} of its own shop only). The code must be new.
 */
public record IssueCoupon(@TargetAggregateIdentifier CouponId couponId, CouponTerms terms) {
    public IssueCoupon {
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(terms, "terms");
    }
}
