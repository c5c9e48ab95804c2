package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;
import org.axonframework.serialization.Revision;

/** The name changed; {@code reason} when staff did it. */
@Revision("1")
public record MemberNameChanged(@DataSubject MemberId memberId, @PersonalData String name, String reason) {}
