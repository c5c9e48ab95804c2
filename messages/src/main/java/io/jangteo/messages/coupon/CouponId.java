package io.jangteo.messages.coupon;

import java.util.Objects;

/**
 * A coupon (쿠폰), named by its code: the code the buyer types is the id, so two coupons can never share a code. Upper
 * case letters, digits and dashes, 3 to 32 characters; {@link #of} upper-cases what it is given.
 */
public record CouponId(String value) {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

    public CouponId {
        Objects.requireNonNull(value, "couponId");
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("a coupon code is 3 to 32 upper-case letters, digits and dashes");
        }
    }

    public static CouponId of(String code) {
        return new CouponId(code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
