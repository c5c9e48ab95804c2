package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** A sign-in for this member failed: a wrong password, or an attempt while locked. */
@Revision("1")
public record LoginFailed(@DataSubject MemberId memberId, LoginFailure reason, int consecutiveFailures) {}
