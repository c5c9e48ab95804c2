package io.jangteo.messages.order;

/** One seller's part of a paid order: 결제완료 → 배송준비중 → 배송중 → 배송완료 → 구매확정, or cancelled. */
public enum SellerPartStatus {
    AWAITING_PAYMENT, PAID, PREPARING, SHIPPED, DELIVERED, PURCHASE_CONFIRMED, CANCELLED
}
