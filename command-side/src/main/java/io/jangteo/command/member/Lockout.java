package io.jangteo.command.member;

import java.time.Instant;

/**
 * Consecutive failed logins and the lock they led to. A lock ends by itself at {@code lockedUntil}; the failures
 * that led to it then no longer count, so the member has the full number of attempts again.
 */
record Lockout(int consecutiveFailures, Instant lockedUntil) {

    static final Lockout NONE = new Lockout(0, null);

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The failures the next wrong password adds to. */
    int failuresCounted(Instant now) {
        return lockedUntil != null && !now.isBefore(lockedUntil) ? 0 : consecutiveFailures;
    }
}
