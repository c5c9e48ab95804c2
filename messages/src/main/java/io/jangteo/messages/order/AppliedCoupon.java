package io.jangteo.messages.order;

import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.shared.Money;
import java.util.Objects;
import java.util.stream.Stream;

/** A coupon the buyer chose, with the terms it had when priced. */
public record AppliedCoupon(CouponId couponId, CouponTerms terms) {
    public AppliedCoupon {
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(terms, "terms");
    }

    /**
     * Whether every amount in the terms is in {@code currency}: {@link CouponTerms#discountFor} compares bare minor
     * units, so a won coupon on a dollar order would take 5,000 dollars off.
     */
    public boolean isIn(String currency) {
        return Stream.of(terms.fixedAmount(), terms.maxDiscount(), terms.minimumOrder())
                .filter(Objects::nonNull)
                .map(Money::currency)
                .allMatch(currency::equals);
    }
}
