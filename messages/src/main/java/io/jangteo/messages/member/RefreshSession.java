package io.jangteo.messages.member;


/**
 * Trade a refresh token for a new one (rotation). Answers a {@link LoginResult}. A token used twice revokes its
 * whole session family (theft detection) and fails.
 */
public record RefreshSession(String refreshToken) {}
