package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** The member changed their password (the hash lives outside the event store). */
@Revision("1")
public record PasswordChanged(@DataSubject MemberId memberId) {}
