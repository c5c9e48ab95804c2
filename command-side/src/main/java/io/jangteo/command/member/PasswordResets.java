package io.jangteo.command.member;

import io.jangteo.messages.member.MemberId;

import java.time.Instant;
import java.util.Optional;

/** One-time password-reset tokens: random, stored only as a SHA-256, single use, short-lived. */
public interface PasswordResets {

    Issued issue(MemberId memberId);

    /** Uses a token up; empty when unknown, used or expired. */
    Optional<MemberId> redeem(String token);

    record Issued(String token, Instant expiresAt) {
    }
}
