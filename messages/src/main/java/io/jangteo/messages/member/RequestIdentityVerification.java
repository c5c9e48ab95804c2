package io.jangteo.messages.member;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member starts 본인인증: the provider sends a one-time code to the phone. Only the member may. */
public record RequestIdentityVerification(@TargetAggregateIdentifier MemberId memberId, VerificationId verificationId,
                                          String name, LocalDate birthDate, PhoneCarrier carrier, String phone) {
    public RequestIdentityVerification {
        Objects.requireNonNull(memberId, "memberId");
    }
}
