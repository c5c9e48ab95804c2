package io.jangteo.messages.operations;

import java.util.List;

/**
 * A page of dead letters.
 *
 * @param known whether the processor exists and has a dead-letter queue
 */
public record DeadLetterPage(boolean known, List<DeadLetterView> letters, long totalCount) {
    public DeadLetterPage {
        letters = letters == null ? List.of() : List.copyOf(letters);
    }
}
