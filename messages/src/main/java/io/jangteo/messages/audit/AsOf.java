package io.jangteo.messages.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A point in time at which an aggregate's state is asked for: every event stored with a timestamp at or before
 * {@code instant} counts, later ones do not. Before the aggregate's first event there is nothing (not found).
 */
public record AsOf(Instant instant) {
    public AsOf {
        Objects.requireNonNull(instant, "instant");
    }

    public static AsOf of(Instant instant) {
        return new AsOf(instant);
    }

    public boolean includes(Instant eventTime) {
        return !eventTime.isAfter(instant);
    }
}
