package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;
import org.axonframework.serialization.Revision;

/** The phone changed; {@code reason} when staff did it. */
@Revision("1")
public record MemberPhoneChanged(@DataSubject MemberId memberId, @PersonalData String phone, String reason) {}
