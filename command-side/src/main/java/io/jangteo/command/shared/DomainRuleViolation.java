package io.jangteo.command.shared;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;

import java.util.List;

/** A business rule refused a command. Subclasses name the rule; the code and field tell the API how to show it. */
public abstract class DomainRuleViolation extends RuntimeException {

    private final transient RuleViolation violation;

    protected DomainRuleViolation(ErrorCode code, List<String> field, String message) {
        super(message, null, false, false);
        this.violation = new RuleViolation(code, field, message);
    }

    public RuleViolation violation() {
        return violation;
    }
}
