package io.jangteo.command.payment;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** The payment provider refused to issue a billing key. */
public final class BillingKeyRefused extends DomainRuleViolation {
    public BillingKeyRefused(String reason) {
        super(ErrorCode.PROVIDER_REFUSED, List.of("authKey"), "The payment provider refused: " + reason);
    }
}
