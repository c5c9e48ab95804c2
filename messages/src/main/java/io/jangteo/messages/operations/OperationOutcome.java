package io.jangteo.messages.operations;

import io.jangteo.messages.shared.RuleViolation;

/**
 * What an operation did. A refusal travels as data rather than as an exception: operations are infrastructure,
 * not an aggregate's rule, and this way the answer reads the same in both runtime modes.
 *
 * @param affected how many dead letters were handled or evicted; 0 for a rebuild
 * @param refusal  why nothing was done, {@code null} when the operation ran
 */
public record OperationOutcome(long affected, RuleViolation refusal) {

    public static OperationOutcome done(long affected) {
        return new OperationOutcome(affected, null);
    }

    public static OperationOutcome refused(RuleViolation refusal) {
        return new OperationOutcome(0, refusal);
    }
}
