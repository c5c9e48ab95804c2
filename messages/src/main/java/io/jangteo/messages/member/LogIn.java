package io.jangteo.messages.member;


/**
 * Check a member's credentials. Answers a {@link LoginResult}; a failure is an answer, not an exception, because
 * the failed attempt ({@link LoginFailed}, maybe {@link AccountLocked}) must be stored.
 */
public record LogIn(String email, String password) {}
