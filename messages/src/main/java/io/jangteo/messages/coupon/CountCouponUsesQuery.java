package io.jangteo.messages.coupon;

import io.jangteo.messages.member.MemberId;

/**
 * How many orders of a member hold a coupon now; answers a {@code Long}. The quote uses it to tell the buyer before
 * checkout that the per-member limit is reached.
 */
public record CountCouponUsesQuery(CouponId couponId, MemberId memberId) {
}
