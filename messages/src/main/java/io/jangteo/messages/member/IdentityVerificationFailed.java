package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** The provider refused the verification (wrong code, expired, name and phone do not match). */
@Revision("1")
public record IdentityVerificationFailed(@DataSubject MemberId memberId, VerificationId verificationId, String reason) {}
