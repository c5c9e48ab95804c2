package io.jangteo.messages.operations;

import java.util.Objects;

/** Hands every parked sequence of one processor to its handlers again, in order. Answered with an {@link OperationOutcome}. */
public record RetryDeadLetters(String processor) {
    public RetryDeadLetters {
        Objects.requireNonNull(processor, "processor");
    }
}
