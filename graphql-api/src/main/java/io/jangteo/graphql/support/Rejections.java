package io.jangteo.graphql.support;

import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** Reads why the command side refused a command, in either runtime mode. */
public final class Rejections {

    private Rejections() {
    }

    public static Optional<RuleViolation> violation(Throwable failure) {
        Throwable cause = ErrorMapping.unwrap(failure);
        if (cause instanceof CommandExecutionException refused) {
            return refused.getDetails().filter(RuleViolation.class::isInstance).map(RuleViolation.class::cast);
        }
        return Optional.empty();
    }
}
