package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** The identity-verification provider sent a code to the phone the member named. */
@Revision("1")
public record IdentityVerificationRequested(@DataSubject MemberId memberId, VerificationId verificationId,
                                            String provider, String providerTransactionId) {}
