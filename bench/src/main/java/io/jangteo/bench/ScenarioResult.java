package io.jangteo.bench;

import org.HdrHistogram.Histogram;

/**
 * Figures of one measured period. Latencies are in microseconds; {@code okIncludingWarmup} counts
 * successes of the warm-up too, since those also leave products behind in the store.
 */
record ScenarioResult(String name, int concurrency, long requests, long errors, long okIncludingWarmup,
        double seconds, Histogram latencyMicros, String firstError) {

    double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    double percentileMs(double percentile) {
        return requests == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return requests == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
    }
}
