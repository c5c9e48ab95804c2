package io.jangteo.messages.order;

/**
 * Where an order is as a whole. {@code PLACED}: checkout is reserving; {@code AWAITING_PAYMENT} / {@code AWAITING_DEPOSIT}
 * (입금대기): reserved, waiting for the buyer or the bank; {@code PAID} (결제완료) onwards the seller parts carry the
 * fulfilment; {@code COMPLETED} when every part is confirmed or cancelled; {@code CANCELLED} when every line is
 * cancelled; {@code REJECTED}, {@code PAYMENT_DECLINED} and {@code EXPIRED} end a checkout that never got paid.
 */
public enum OrderStatus {
    PLACED, AWAITING_PAYMENT, AWAITING_DEPOSIT, PAID, COMPLETED, CANCELLED, REJECTED, PAYMENT_DECLINED, EXPIRED
}
