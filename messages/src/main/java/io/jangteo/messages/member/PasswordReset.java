package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** The password was set with a reset token. */
@Revision("1")
public record PasswordReset(@DataSubject MemberId memberId) {}
