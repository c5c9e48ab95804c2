package io.jangteo.messages.order;

/** How the buyer pays. {@code BRAND_PAY} charges a stored method (브랜드페이) in one call, without a redirect. */
public enum PaymentMethod {
    CARD, KAKAO_PAY, NAVER_PAY, PAYPAL, BANK_TRANSFER, BRAND_PAY
}
