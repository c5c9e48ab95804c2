package io.jangteo.messages.audit;

import java.util.List;

/**
 * The difference between an aggregate's state at two instants. {@code fromVersion}/{@code toVersion} are the sequence
 * numbers of the last event at or before each instant (-1 when it did not exist yet); {@code eventCount} is how many
 * events lie between them; {@code changes} are the fields that differ.
 */
public record ChangesView(String aggregateType, String aggregateId, long fromVersion, long toVersion,
                          int eventCount, List<FieldChange> changes) {
    public ChangesView {
        changes = List.copyOf(changes);
    }
}
