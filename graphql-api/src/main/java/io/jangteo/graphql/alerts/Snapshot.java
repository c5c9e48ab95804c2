package io.jangteo.graphql.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * The cumulative counts and current gauge values read at one instant, by key ({@link MetricReader} names them). Rules
 * compare snapshots instead of resetting meters, which other readers (Prometheus) share.
 */
record Snapshot(Instant at, Map<String, Double> values) {
    Snapshot {
        values = Map.copyOf(values);
    }

    double get(String key) {
        return values.getOrDefault(key, 0.0);
    }
}
