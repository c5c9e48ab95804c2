package io.jangteo.messages.member;

import java.time.Instant;

/**
 * Points derived from the ledger: {@code available} to spend, {@code pending} (earned, not yet available), and the
 * next expiry: {@code expiringPoints} available points expire at {@code nextExpiryAt} (null when none).
 */
public record PointsBalance(long available, long pending, Instant nextExpiryAt, long expiringPoints) {
    public static PointsBalance none() {
        return new PointsBalance(0, 0, null, 0);
    }
}
