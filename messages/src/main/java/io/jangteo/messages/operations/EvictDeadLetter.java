package io.jangteo.messages.operations;

import java.util.Objects;

/**
 * Drops one parked event for good (it will never reach the read model). Answered with an {@link OperationOutcome}.
 *
 * @param letterId the {@link DeadLetterView#id()} of the letter
 */
public record EvictDeadLetter(String processor, String letterId) {
    public EvictDeadLetter {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(letterId, "letterId");
    }
}
