package io.jangteo.axon.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Gauges per tracking processor (tag {@code processor}): {@code jangteo.processor.lag.events} (events between the
 * slowest segment and the head of the store), {@code jangteo.processor.lag.seconds} (age of the oldest event it has
 * not handled), {@code jangteo.processor.dead_letters} (letters parked in its queue) and
 * {@code jangteo.processor.replaying} (1 while a reset is being replayed and the processor has not caught up).
 * <p>
 * A scrape reads every gauge; computing them costs a head lookup, a read of one event per lagging processor and a
 * count per dead-letter queue, so one snapshot of all processors serves the scrapes of the next {@value #CACHE_MILLIS}
 * ms.
 */
class EventProcessorMetrics {

    static final String LAG_EVENTS = "jangteo.processor.lag.events";
    static final String LAG_SECONDS = "jangteo.processor.lag.seconds";
    static final String DEAD_LETTERS = "jangteo.processor.dead_letters";
    static final String REPLAYING = "jangteo.processor.replaying";
    private static final long CACHE_MILLIS = 2_000;

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final Supplier<EventStorageEngine> storageEngine;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of());

    EventProcessorMetrics(EventProcessingConfiguration eventProcessing, EventStore eventStore,
                     Supplier<EventStorageEngine> storageEngine) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
    }

    record Status(long lagEvents, long lagSeconds, long deadLetters, boolean replaying) {
    }

    private record Snapshot(Instant takenAt, Map<String, Status> statuses) {
    }

    void bindTo(MeterRegistry registry) {
        for (String name : trackingProcessors().keySet()) {
            gauge(registry, LAG_EVENTS, name, "Events the processor has yet to handle", Status::lagEvents);
            gauge(registry, LAG_SECONDS, name, "Age of the oldest event the processor has yet to handle",
                    Status::lagSeconds);
            gauge(registry, DEAD_LETTERS, name, "Events parked in the processor's dead-letter queue",
                    Status::deadLetters);
            gauge(registry, REPLAYING, name, "1 while the processor replays after a reset",
                    s -> s.replaying() ? 1 : 0);
        }
    }

    private void gauge(MeterRegistry registry, String meter, String processor, String description,
                       ToDoubleFunction<Status> value) {
        Gauge.builder(meter, () -> {
                    Status status = statuses().get(processor);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .description(description).tag("processor", processor).register(registry);
    }

    /** Names of the processors replaying now, read from their own status (no store access). */
    java.util.List<String> replaying() {
        return trackingProcessors().entrySet().stream()
                .filter(e -> replaying(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    Map<String, Status> statuses() {
        Snapshot current = snapshot;
        Instant now = Instant.now();
        if (Duration.between(current.takenAt(), now).toMillis() < CACHE_MILLIS) {
            return current.statuses();
        }
        synchronized (this) {
            if (snapshot != current) {
                return snapshot.statuses();
            }
            Map<String, Status> statuses = new TreeMap<>();
            long head = headPosition();
            trackingProcessors().forEach((name, processor) -> statuses.put(name, status(name, processor, head, now)));
            snapshot = new Snapshot(now, statuses);
            return statuses;
        }
    }

    private Map<String, TrackingEventProcessor> trackingProcessors() {
        Map<String, TrackingEventProcessor> found = new TreeMap<>();
        eventProcessing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                found.put(name, tracking);
            }
        });
        return found;
    }

    private Status status(String name, TrackingEventProcessor processor, long head, Instant now) {
        Optional<EventTrackerStatus> slowest = processor.processingStatus().values().stream()
                .min(Comparator.comparingLong(s -> s.getCurrentPosition().orElse(-1)));
        OptionalLong position = slowest.map(EventTrackerStatus::getCurrentPosition).orElse(OptionalLong.empty());
        long lagEvents = Math.max(0, head - (position.isPresent() ? position.getAsLong() : -1));
        long lagSeconds = lagEvents == 0 ? 0 : oldestUnhandled(slowest.map(EventTrackerStatus::getTrackingToken)
                .orElse(null)).map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
        long deadLetters = deadLetters(name);
        return new Status(lagEvents, lagSeconds, deadLetters, replaying(processor));
    }

    /**
     * Replaying and not yet caught up. Axon keeps a segment's replay flag until it handles an event past the position
     * of the reset, so on a quiet store a finished rebuild would count as replaying until the next write; having
     * caught up with the stream is what ends the partial answers.
     */
    private static boolean replaying(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(s -> s.isReplaying() && !s.isCaughtUp());
    }

    private long deadLetters(String name) {
        try {
            return eventProcessing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
        } catch (RuntimeException e) {
            return 0; // the read store is unreachable: readiness reports it
        }
    }

    private long headPosition() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            return head == null ? -1 : head.position().orElse(-1);
        } catch (RuntimeException e) {
            return -1; // the event store is unreachable: readiness reports it
        }
    }

    private Optional<Instant> oldestUnhandled(TrackingToken token) {
        TrackingToken from = token == null ? null : WrappedToken.unwrapLowerBound(token);
        try {
            EventStorageEngine engine = storageEngine.get();
            if (engine != null) {
                try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
                    return events.findFirst().map(TrackedEventMessage::getTimestamp);
                }
            }
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(from)) {
                return events.hasNextAvailable(200, TimeUnit.MILLISECONDS)
                        ? Optional.of(events.nextAvailable().getTimestamp()) : Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // the lag in events still shows the processor is behind
        }
    }
}
