package io.jangteo.messages.coupon;

import io.jangteo.messages.member.MemberId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CouponRestored(CouponId couponId, MemberId memberId, String orderId, String reason, Instant restoredAt) {
}
