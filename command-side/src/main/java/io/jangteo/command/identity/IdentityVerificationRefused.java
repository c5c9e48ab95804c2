package io.jangteo.command.identity;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** The identity-verification provider refused a request. */
public final class IdentityVerificationRefused extends DomainRuleViolation {
    public IdentityVerificationRefused(String reason) {
        super(ErrorCode.PROVIDER_REFUSED, List.of(), "Identity verification refused: " + reason);
    }
}
