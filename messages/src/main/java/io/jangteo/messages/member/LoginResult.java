package io.jangteo.messages.member;

import io.jangteo.messages.shared.ActorRole;

import java.time.Instant;

/**
 * The answer to {@link LogIn} and {@link RefreshSession}. On success: who signed in, with which role (and shop when a
 * seller), and a new opaque refresh token with its expiry; the API issues the short-lived access token. On failure:
 * why, and until when a locked account stays locked.
 */
public record LoginResult(boolean succeeded, MemberId memberId, ActorRole role, String sellerId, String refreshToken,
                          Instant refreshExpiresAt, LoginFailure failure, Instant lockedUntil) {

    public static LoginResult success(MemberId memberId, ActorRole role, String sellerId, String refreshToken,
                                      Instant refreshExpiresAt) {
        return new LoginResult(true, memberId, role, sellerId, refreshToken, refreshExpiresAt, null, null);
    }

    public static LoginResult failed(LoginFailure failure, Instant lockedUntil) {
        return new LoginResult(false, null, null, null, null, null, failure, lockedUntil);
    }
}
