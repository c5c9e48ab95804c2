package io.jangteo.graphql.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The recent snapshots, oldest first, kept just long enough for the longest rule window. Memory is bounded by that
 * window over the evaluation interval; nothing is persisted, so a restart starts the windows afresh.
 */
final class SampleWindow {

    private final Deque<Snapshot> snapshots = new ArrayDeque<>();
    private final Duration retention;

    SampleWindow(Duration longestWindow) {
        // one snapshot older than the window is the baseline deltas are taken from
        this.retention = longestWindow.multipliedBy(2);
    }

    synchronized void add(Snapshot snapshot) {
        snapshots.addLast(snapshot);
        Instant horizon = snapshot.at().minus(retention);
        while (snapshots.size() > 2 && snapshots.peekFirst().at().isBefore(horizon)) {
            snapshots.removeFirst();
        }
    }

    /** Growth of a cumulative count over the window: latest minus the newest snapshot at or before its start. */
    synchronized double delta(String key, Duration window) {
        if (snapshots.size() < 2) {
            return 0;
        }
        Snapshot latest = snapshots.peekLast();
        Snapshot baseline = baseline(latest.at().minus(window));
        return Math.max(0, latest.get(key) - baseline.get(key));
    }

    /**
     * The smallest value of a gauge over the whole window, or empty while the samples do not yet cover the window: a
     * gauge holds a condition only if every sample in the window does.
     */
    synchronized OptionalDouble sustained(String key, Duration window) {
        if (snapshots.isEmpty()) {
            return OptionalDouble.empty();
        }
        Instant start = snapshots.peekLast().at().minus(window);
        if (snapshots.peekFirst().at().isAfter(start)) {
            return OptionalDouble.empty();
        }
        double min = Double.MAX_VALUE;
        for (Snapshot snapshot : inWindow(start)) {
            min = Math.min(min, snapshot.get(key));
        }
        return OptionalDouble.of(min);
    }

    /** The latest value of a gauge (0 when the meter is gone). */
    synchronized double latest(String key) {
        return snapshots.isEmpty() ? 0 : snapshots.peekLast().get(key);
    }

    /** The keys of the latest snapshot that match, e.g. every processor's lag. */
    synchronized List<String> keys(Predicate<String> filter) {
        return snapshots.isEmpty() ? List.of()
                : snapshots.peekLast().values().keySet().stream().filter(filter).sorted().toList();
    }

    /** The largest value of a key within the window (a timer's max when it has no histogram). */
    synchronized double max(String key, Duration window) {
        if (snapshots.isEmpty()) {
            return 0;
        }
        double max = 0;
        for (Snapshot snapshot : inWindow(snapshots.peekLast().at().minus(window))) {
            max = Math.max(max, snapshot.get(key));
        }
        return max;
    }

    synchronized Snapshot latestSnapshot() {
        return snapshots.peekLast();
    }

    synchronized Snapshot baselineFor(Duration window) {
        return snapshots.isEmpty() ? null : baseline(snapshots.peekLast().at().minus(window));
    }

    private Snapshot baseline(Instant start) {
        Snapshot baseline = snapshots.peekFirst();
        for (Snapshot snapshot : snapshots) {
            if (snapshot.at().isAfter(start)) {
                break;
            }
            baseline = snapshot;
        }
        return baseline;
    }

    private List<Snapshot> inWindow(Instant start) {
        List<Snapshot> result = new ArrayList<>();
        Snapshot baseline = baseline(start);
        for (Snapshot snapshot : snapshots) {
            if (snapshot == baseline || snapshot.at().isAfter(start)) {
                result.add(snapshot);
            }
        }
        return result;
    }
}
