package io.jangteo.command.member;

import io.jangteo.command.notification.Notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The messaging edge: records what would have been sent. */
final class RecordingNotifications implements Notifications {

    record ResetMail(String email, String token, Instant expiresAt) {
    }

    final List<ResetMail> resetMails = new ArrayList<>();

    @Override
    public void passwordReset(String email, String token, Instant expiresAt) {
        resetMails.add(new ResetMail(email, token, expiresAt));
    }
}
