package io.jangteo.messages.coupon;

/** A fixed amount off, or a percentage off with an optional cap. */
public enum DiscountKind {
    FIXED, RATE
}
