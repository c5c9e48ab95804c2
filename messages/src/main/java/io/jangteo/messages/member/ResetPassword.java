package io.jangteo.messages.member;


/**
 * Set a new password with a reset token (single use, short-lived). Unlocks a locked account and revokes all
 * sessions.
 */
public record ResetPassword(String resetToken, String newPassword) {}
