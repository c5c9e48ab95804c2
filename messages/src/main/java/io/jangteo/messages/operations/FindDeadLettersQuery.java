package io.jangteo.messages.operations;

import java.util.Objects;

/** Lists the events one processor parked, sequence by sequence in order; answered with a {@link DeadLetterPage}. */
public record FindDeadLettersQuery(String processor, int offset, int limit) {
    public FindDeadLettersQuery {
        Objects.requireNonNull(processor, "processor");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
    }
}
