package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** Another member uses this e-mail. */
public final class EmailAlreadyRegistered extends DomainRuleViolation {
    public EmailAlreadyRegistered() {
        super(ErrorCode.DUPLICATE, List.of("email"), "This e-mail is already registered");
    }
}
