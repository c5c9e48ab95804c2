package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Too many consecutive failed logins: no login succeeds until {@code lockedUntil}. */
@Revision("1")
public record AccountLocked(@DataSubject MemberId memberId, Instant lockedUntil, int consecutiveFailures) {}
