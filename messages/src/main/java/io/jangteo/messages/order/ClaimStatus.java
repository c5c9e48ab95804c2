package io.jangteo.messages.order;

public enum ClaimStatus {
    REQUESTED, APPROVED, REJECTED, COMPLETED
}
