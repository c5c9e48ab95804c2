package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The provider confirmed who the member is. {@code ciHash} is a SHA-256 of the provider's connecting information
 * (CI), the same for one person across sites; {@code adult} is 19 or older (Korean legal age for adults-only
 * goods) at verification.
 */
@Revision("1")
public record IdentityVerified(@DataSubject MemberId memberId, VerificationId verificationId, String provider,
                               @PersonalData String name, @PersonalData LocalDate birthDate, PhoneCarrier carrier,
                               @PersonalData String phone, @PersonalData String ciHash, boolean adult) {}
