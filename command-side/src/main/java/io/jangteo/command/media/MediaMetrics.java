package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaAttached;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Media processing's meters: {@code jangteo.media.failures} (tag {@code kind}: {@code failed} and {@code unsupported}
 * for media that cannot be processed, {@code retried} for an attempt of ours that failed and was repeated,
 * {@code parked} for a medium handed to the dead-letter queue) and {@code jangteo.media.queue.depth}.
 * <p>
 * The queue is the event stream itself: media waiting are the {@code MediaAttached} events after the processor's
 * position (the one in progress included). Counting them reads the stream from there, so the count is kept for a few
 * seconds and stops at {@value #SCAN_LIMIT} events. Where no storage engine is at hand (Axon Server), the number of
 * events of any kind ahead of the processor stands in: an upper bound, zero when it has caught up.
 */
class MediaMetrics {

    static final String FAILURES = "jangteo.media.failures";
    static final String QUEUE_DEPTH = "jangteo.media.queue.depth";
    static final MediaMetrics NONE = new MediaMetrics(() -> null);
    static final java.util.List<String> KINDS = java.util.List.of("failed", "unsupported", "retried", "parked");
    private static final int SCAN_LIMIT = 10_000;
    private static final long CACHE_NANOS = 2_000_000_000L;

    private final Supplier<MeterRegistry> registry;
    private volatile long measuredAt;
    private volatile double depth;

    MediaMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    void failure(String kind) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            failureCounter(meters, kind).increment();
        }
    }

    void bindQueueDepth(MeterRegistry meters, EventProcessingConfiguration processing, EventStore eventStore,
                        Supplier<EventStorageEngine> engine) {
        Gauge.builder(QUEUE_DEPTH, () -> depth(processing, eventStore, engine))
                .description("Media waiting to be processed (or in progress)").register(meters);
        // every kind from the start, at zero: a rate over a series that appears only with the first failure sees none
        for (String kind : KINDS) {
            failureCounter(meters, kind);
        }
    }

    private static Counter failureCounter(MeterRegistry meters, String kind) {
        return Counter.builder(FAILURES).description("Media processing failures, by kind")
                .tag("kind", kind).register(meters);
    }

    private double depth(EventProcessingConfiguration processing, EventStore eventStore,
                         Supplier<EventStorageEngine> engine) {
        long now = System.nanoTime();
        if (measuredAt != 0 && now - measuredAt < CACHE_NANOS) {
            return depth;
        }
        Optional<TrackingEventProcessor> processor = processing
                .eventProcessor(MediaProcessing.PROCESSING_GROUP, TrackingEventProcessor.class);
        if (processor.isEmpty()) {
            return 0;
        }
        TrackingToken position = processor.get().processingStatus().values().stream()
                .min(Comparator.comparingLong(s -> s.getCurrentPosition().orElse(-1)))
                .map(EventTrackerStatus::getTrackingToken).orElse(null);
        try {
            EventStorageEngine storage = engine.get();
            if (storage != null) {
                TrackingToken from = position == null ? null : WrappedToken.unwrapLowerBound(position);
                try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
                    depth = events.limit(SCAN_LIMIT)
                            .filter(e -> MediaAttached.class.equals(e.getPayloadType())).count();
                }
            } else {
                TrackingToken head = eventStore.createHeadToken();
                long headPosition = head == null ? -1 : head.position().orElse(-1);
                long at = position == null ? -1 : position.position().orElse(-1);
                depth = Math.max(0, headPosition - at);
            }
            measuredAt = now;
        } catch (RuntimeException e) {
            // the store is unreachable: readiness says so; the last known depth stays
        }
        return depth;
    }
}
