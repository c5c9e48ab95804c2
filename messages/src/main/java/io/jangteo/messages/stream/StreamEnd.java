package io.jangteo.messages.stream;

import java.time.Instant;

/**
 * Where a bounded stream (an export) ends: never beyond the head of the store when the stream opens, so it always
 * ends, and also not beyond {@code lastPosition} (inclusive) and without events later than {@code latest}
 * (inclusive) when those are set. Event times are not strictly ordered by position, so {@code latest} filters rather
 * than stops: the stream still reads up to the head.
 */
public record StreamEnd(Long lastPosition, Instant latest) {

    public static StreamEnd head() {
        return new StreamEnd(null, null);
    }

    public boolean admits(Instant timestamp) {
        return latest == null || !timestamp.isAfter(latest);
    }
}
