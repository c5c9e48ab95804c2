package io.jangteo.messages.rewards;

import java.time.Duration;
import java.util.Objects;

/**
 * How points behave: earned points stay pending for {@code pendingPeriod} (returns are still possible), then are
 * available until {@code validity} after they were earned.
 */
public record PointsPolicy(Duration pendingPeriod, Duration validity) {
    public PointsPolicy {
        Objects.requireNonNull(pendingPeriod, "pendingPeriod");
        Objects.requireNonNull(validity, "validity");
        if (pendingPeriod.isNegative() || validity.compareTo(pendingPeriod) <= 0) {
            throw new IllegalArgumentException("points need pendingPeriod >= 0 and validity > pendingPeriod");
        }
    }
}
