package io.jangteo.messages.audit;

import java.util.Objects;

/**
 * One stored event, by its aggregate and sequence number, read from the event store. Answers
 * {@code Optional<HistoryEntryView>} (with its payload as JSON, erased personal fields null).
 */
public record FindStoredEventQuery(String aggregateId, long sequenceNumber) {
    public FindStoredEventQuery {
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("sequenceNumber must not be negative");
        }
    }
}
