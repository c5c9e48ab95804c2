package io.jangteo.command.notification;

import java.time.Instant;

/** The port through which members are told things outside the API (e-mail, SMS, 알림톡). */
public interface Notifications {

    /** Delivers a password-reset token to an e-mail address. */
    void passwordReset(String email, String token, Instant expiresAt);
}
