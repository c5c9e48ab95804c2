package io.jangteo.messages.coupon;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CouponWithdrawn(CouponId couponId, String reason, Instant withdrawnAt) {
}
