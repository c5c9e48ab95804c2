package io.jangteo.messages.audit;

import java.time.Instant;
import java.util.Set;

/** Narrows a member timeline: only these categories (all when empty), {@code from} inclusive, {@code to} exclusive. */
public record TimelineFilter(Set<TimelineCategory> categories, Instant from, Instant to) {
    public TimelineFilter {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static TimelineFilter none() {
        return new TimelineFilter(Set.of(), null, null);
    }

    public boolean isEmpty() {
        return categories.isEmpty() && from == null && to == null;
    }
}
