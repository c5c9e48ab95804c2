package io.jangteo.command.rewards;

import io.jangteo.messages.rewards.PointsEntryId;

import java.time.Instant;

/**
 * Points that came in (a purchase's earning or a positive adjustment) and what is left of them. Immutable, so the
 * aggregate's state can only change in its event-sourcing handlers.
 *
 * @param available false while the earning is pending (not yet spendable)
 */
record Earning(PointsEntryId entryId, long points, long remaining, Instant availableAt, Instant expiresAt,
               boolean available) {

    /** Spendable: available, something left, and not past its expiry even if the scheduler has not expired it yet. */
    boolean spendableAt(Instant now) {
        return available && remaining > 0 && now.isBefore(expiresAt);
    }

    boolean dueForAvailabilityAt(Instant now) {
        return !available && remaining > 0 && !now.isBefore(availableAt);
    }

    boolean dueForExpiryAt(Instant now) {
        return remaining > 0 && !now.isBefore(expiresAt);
    }

    Earning madeAvailable() {
        return new Earning(entryId, points, remaining, availableAt, expiresAt, true);
    }

    Earning plus(long delta) {
        return new Earning(entryId, points, remaining + delta, availableAt, expiresAt, available);
    }
}
