package io.jangteo.command.member;

import io.jangteo.messages.member.MemberId;

import java.time.Instant;
import java.util.Optional;

/**
 * Refresh-token sessions. Tokens are random and opaque; only their SHA-256 is stored. Each login starts a family;
 * each refresh rotates the token within it; presenting an already-rotated token revokes the whole family (it was
 * stolen or replayed).
 */
public interface Sessions {

    Issued start(MemberId memberId);

    /** Rotates a valid token; empty for unknown, expired, revoked or reused tokens (a reuse revokes the family). */
    Optional<Issued> rotate(String refreshToken);

    /** Revokes the family of a token; answers its member when the token was known. */
    Optional<MemberId> revoke(String refreshToken);

    void revokeAll(MemberId memberId);

    record Issued(MemberId memberId, String refreshToken, Instant expiresAt) {
    }
}
