package io.jangteo.axon.operations;

import java.util.OptionalLong;

/**
 * The arithmetic of a replay's progress. A replay starts from the tail and is done when its position reaches the
 * head position it was started at (Axon's reset position), so positions, not event counts, measure it: positions
 * grow by one per stored event, whatever the processor handles.
 */
final class ReplayProgress {

    private ReplayProgress() {
    }

    /** Percent of the way from the tail to the reset position, 0 to 100; {@code null} when it cannot be told. */
    static Double percent(OptionalLong current, OptionalLong resetPosition) {
        if (resetPosition.isEmpty() || resetPosition.getAsLong() <= 0) {
            return resetPosition.isPresent() ? 100.0 : null;
        }
        long at = current.isPresent() ? Math.max(0, current.getAsLong()) : 0;
        double percent = 100.0 * at / resetPosition.getAsLong();
        return Math.min(100.0, percent);
    }

    /** Seconds left at the given rate, rounded up; {@code null} without a rate to go by. */
    static Long etaSeconds(OptionalLong current, OptionalLong resetPosition, Double eventsPerSecond) {
        if (resetPosition.isEmpty() || eventsPerSecond == null || eventsPerSecond <= 0) {
            return null;
        }
        long at = current.isPresent() ? current.getAsLong() : 0;
        long left = Math.max(0, resetPosition.getAsLong() - at);
        return (long) Math.ceil(left / eventsPerSecond);
    }
}
