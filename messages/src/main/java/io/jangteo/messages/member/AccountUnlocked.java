package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** A lock-out was lifted early (support/admin, or a password reset). */
@Revision("1")
public record AccountUnlocked(@DataSubject MemberId memberId, String reason) {}
