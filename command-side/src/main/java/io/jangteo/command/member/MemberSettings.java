package io.jangteo.command.member;

import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in security settings: how many consecutive wrong passwords lock an account and for how long, how long a refresh
 * token lives, and how long a password-reset token does.
 */
record MemberSettings(int maxFailures, Duration lockoutDuration, Duration refreshTtl, Duration passwordResetTtl) {

    MemberSettings {
        Objects.requireNonNull(lockoutDuration, "lockoutDuration");
        Objects.requireNonNull(refreshTtl, "refreshTtl");
        Objects.requireNonNull(passwordResetTtl, "passwordResetTtl");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("jangteo.members.lockout.max-failures must be at least 1");
        }
        if (!positive(lockoutDuration) || !positive(refreshTtl) || !positive(passwordResetTtl)) {
            throw new IllegalArgumentException("jangteo.members durations must be positive");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    static MemberSettings defaults() {
        return new MemberSettings(5, Duration.ofMinutes(15), Duration.ofDays(14), Duration.ofMinutes(30));
    }
}
