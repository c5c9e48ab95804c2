package io.jangteo.messages.order;

public enum PaymentStatus {
    NOT_REQUESTED, READY, AWAITING_DEPOSIT, APPROVED, DECLINED, EXPIRED, CANCELLED
}
