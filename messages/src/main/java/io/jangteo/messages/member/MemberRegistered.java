package io.jangteo.messages.member;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;
import org.axonframework.serialization.Revision;

/** A member account was opened. {@code email} is as typed (trimmed); uniqueness is compared lower-cased. */
@Revision("1")
public record MemberRegistered(@DataSubject MemberId memberId, @PersonalData String email, @PersonalData String name,
                               @PersonalData String phone, ActorRole role, boolean emailMarketingConsent,
                               boolean smsMarketingConsent) {}
