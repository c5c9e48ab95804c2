package io.jangteo.messages.coupon;

public enum CouponStatus {
    ACTIVE, WITHDRAWN
}
