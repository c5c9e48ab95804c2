package io.jangteo.messages.member;


/**
 * Send a one-time reset token to the e-mail through the notification port, if a member has it. Answers nothing
 * either way.
 */
public record RequestPasswordReset(String email) {}
