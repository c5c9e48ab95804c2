package io.jangteo.messages.member;

import java.time.Instant;
import java.time.LocalDate;

/** The member's verified identity (본인인증); personal fields are null once erased. */
public record IdentityView(VerificationId verificationId, String provider, String name, LocalDate birthDate,
                           PhoneCarrier carrier, String phone, boolean adult, Instant verifiedAt) {
}
