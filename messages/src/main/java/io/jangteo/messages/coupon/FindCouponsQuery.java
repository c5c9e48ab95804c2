package io.jangteo.messages.coupon;

/**
 * Coupons, newest first: a seller's own (issuerSellerId), or all for staff; {@code activeOnly} leaves out withdrawn and
 * expired ones as of now. Answers a {@code List<CouponView>}.
 */
public record FindCouponsQuery(String issuerSellerId, boolean activeOnly, int limit) {
}
