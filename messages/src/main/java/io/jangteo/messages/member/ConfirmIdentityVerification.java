package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member enters the code; the provider confirms the identity or refuses. A refusal is recorded ({@link
 * IdentityVerificationFailed}), not thrown.
 */
public record ConfirmIdentityVerification(@TargetAggregateIdentifier MemberId memberId, VerificationId verificationId,
                                          String code) {
    public ConfirmIdentityVerification {
        Objects.requireNonNull(memberId, "memberId");
    }
}
