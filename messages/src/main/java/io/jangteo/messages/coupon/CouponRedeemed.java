package io.jangteo.messages.coupon;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CouponRedeemed(CouponId couponId, MemberId memberId, String orderId, Money discount, Instant redeemedAt) {
}
