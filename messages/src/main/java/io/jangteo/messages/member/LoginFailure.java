package io.jangteo.messages.member;

/**
 * Why a login or a session refresh failed. An unknown e-mail and a wrong password are both {@code BAD_CREDENTIALS},
 * so a caller cannot probe which e-mails exist.
 */
public enum LoginFailure {
    BAD_CREDENTIALS, LOCKED, WITHDRAWN, SESSION_INVALID
}
