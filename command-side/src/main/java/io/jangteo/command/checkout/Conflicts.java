package io.jangteo.command.checkout;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Tells a collision with a concurrent change of the same aggregate: detected while the handler ran it arrives as a
 * {@code CONFLICT} refusal, detected when the events were appended as Axon's own exception (see RuleViolationTranslator).
 */
final class Conflicts {

    private Conflicts() {
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException
                    || cause instanceof AggregateStreamCreationException) {
                return true;
            }
            if (cause instanceof CommandExecutionException refused && refused.getDetails()
                    .filter(RuleViolation.class::isInstance)
                    .map(details -> ((RuleViolation) details).code() == ErrorCode.CONFLICT)
                    .orElse(false)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
