package io.jangteo.command.schedule;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** Tells a command's refusal for good from a failure that another attempt may get past. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * A rule said no and will say no again: a rule violation (as thrown in this JVM, or as the details of Axon's
     * exception after crossing the bus), except a conflict, which is only a collision with a concurrent change, and a
     * provider that did not answer in time, which may answer the next time.
     */
    public static Optional<RuleViolation> permanent(Throwable failure) {
        RuleViolation violation = null;
        if (failure instanceof DomainRuleViolation refused) {
            violation = refused.violation();
        } else if (failure instanceof CommandExecutionException refused) {
            violation = refused.getDetails().filter(RuleViolation.class::isInstance).map(RuleViolation.class::cast)
                    .orElse(null);
        }
        return violation == null || violation.code() == ErrorCode.CONFLICT
                || violation.code() == ErrorCode.PROVIDER_UNAVAILABLE ? Optional.empty() : Optional.of(violation);
    }
}
