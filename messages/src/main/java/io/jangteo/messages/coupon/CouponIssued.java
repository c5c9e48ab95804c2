package io.jangteo.messages.coupon;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code issuerSellerId} is the shop that issued it, null when an admin did. */
@Revision("1")
public record CouponIssued(CouponId couponId, CouponTerms terms, String issuerSellerId, Instant issuedAt) {
}
