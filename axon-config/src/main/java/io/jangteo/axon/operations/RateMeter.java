package io.jangteo.axon.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A processor's speed from successive samples of its position over a sliding window. Status is read on demand and
 * by the progress ticker, so the samples are irregular; a window smooths a batch landing just before one sample.
 */
final class RateMeter {

    private record Sample(Instant at, long position) {
    }

    private final Duration window;
    private final Duration minimumSpan;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RateMeter(Duration window, Duration minimumSpan) {
        this.window = window;
        this.minimumSpan = minimumSpan;
    }

    synchronized void record(Instant at, long position) {
        Sample last = samples.peekLast();
        if (last != null && (position < last.position() || !at.isAfter(last.at()))) {
            if (position < last.position()) {
                samples.clear(); // a reset: the old positions say nothing about the new run
            } else {
                return;
            }
        }
        samples.addLast(new Sample(at, position));
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(at.minus(window))) {
            samples.removeFirst();
        }
    }

    /** Positions per second over the window; {@code null} until the samples span at least the minimum span. */
    synchronized Double eventsPerSecond() {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        Duration span = Duration.between(first.at(), last.at());
        if (span.compareTo(minimumSpan) < 0) {
            return null;
        }
        return (last.position() - first.position()) * 1_000_000_000.0 / span.toNanos();
    }
}
