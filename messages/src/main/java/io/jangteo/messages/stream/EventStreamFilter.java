package io.jangteo.messages.stream;

import java.util.Set;

/**
 * Which events a stream shows: by event type (the payload's simple class name, {@code OrderPlaced}) and by aggregate
 * type ({@code Order}). An empty set does not restrict; both sets must match.
 */
public record EventStreamFilter(Set<String> eventTypes, Set<String> aggregateTypes) {

    public static final EventStreamFilter ALL = new EventStreamFilter(Set.of(), Set.of());

    public EventStreamFilter {
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        aggregateTypes = aggregateTypes == null ? Set.of() : Set.copyOf(aggregateTypes);
    }

    public boolean matches(String eventType, String aggregateType) {
        return (eventTypes.isEmpty() || eventTypes.contains(eventType))
                && (aggregateTypes.isEmpty() || (aggregateType != null && aggregateTypes.contains(aggregateType)));
    }
}
