package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** A member signed in with the right password (the security trail). */
@Revision("1")
public record LoginSucceeded(@DataSubject MemberId memberId) {}
