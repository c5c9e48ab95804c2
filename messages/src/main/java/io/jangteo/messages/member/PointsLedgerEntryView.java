package io.jangteo.messages.member;

import java.time.Instant;

/**
 * One ledger movement. {@code points} is signed as it changes the total (pending + available): earned +, spent -,
 * refunded +, expired -, adjusted ±, forfeited -, became-available 0 (it moves pending to available).
 * {@code availableAt}/{@code expiresAt} are set for earnings and positive adjustments.
 */
public record PointsLedgerEntryView(String entryId, PointsMovement movement, long points, String orderId,
                                    String reason, Instant occurredAt, Instant availableAt, Instant expiresAt,
                                    long sequence) {
}
