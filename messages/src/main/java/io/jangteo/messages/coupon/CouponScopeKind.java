package io.jangteo.messages.coupon;

/** What a coupon may discount: everything, one seller's products, or listed products or categories. */
public enum CouponScopeKind {
    ALL, SELLER, PRODUCTS, CATEGORIES
}
