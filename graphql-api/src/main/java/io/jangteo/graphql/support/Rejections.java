package io.jangteo.graphql.support;

import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Optional;

/** Reads why the command side refused a command, in either runtime mode. */
public final class Rejections {

    private Rejections() {
    }

    public static Optional<RuleViolation> violation(Throwable failure) {
        Throwable cause = ErrorMapping.unwrap(failure);
        if (cause instanceof CommandExecutionException refused) {
            Optional<RuleViolation> details = refused.getDetails()
                    .filter(RuleViolation.class::isInstance).map(RuleViolation.class::cast);
            if (details.isPresent()) {
                return details;
            }
        }
        // a conflict found while appending the events, after the command side's own translation had run
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ConcurrencyException || c instanceof AggregateStreamCreationException) {
                return Optional.of(RuleViolation.conflict());
            }
        }
        return Optional.empty();
    }
}
