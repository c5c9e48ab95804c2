package io.jangteo.messages.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What changed in an aggregate's state between two instants: the state at {@code from} compared with the state at
 * {@code to}, both rebuilt from the event store. Answers {@code Optional<ChangesView>}, empty when the aggregate has no
 * events at all.
 */
public record FindChangesQuery(String aggregateId, Instant from, Instant to) {
    public FindChangesQuery {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
    }
}
