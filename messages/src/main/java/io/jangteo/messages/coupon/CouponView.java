package io.jangteo.messages.coupon;

import java.time.Instant;

/**
 * A coupon as the read model holds it. {@code redemptions} counts orders holding it now (restored uses are not
 * counted); {@code version} is the coupon aggregate's last sequence number.
 */
public record CouponView(CouponId couponId, CouponTerms terms, CouponStatus status, String issuerSellerId,
                         long redemptions, Instant issuedAt, long version) {
}
