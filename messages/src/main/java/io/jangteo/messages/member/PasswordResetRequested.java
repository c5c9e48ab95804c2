package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** A password-reset token was sent to the member. */
@Revision("1")
public record PasswordResetRequested(@DataSubject MemberId memberId) {}
