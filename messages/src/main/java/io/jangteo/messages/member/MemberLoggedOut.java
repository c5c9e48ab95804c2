package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** A member ended a session; its refresh token no longer works. */
@Revision("1")
public record MemberLoggedOut(@DataSubject MemberId memberId) {}
