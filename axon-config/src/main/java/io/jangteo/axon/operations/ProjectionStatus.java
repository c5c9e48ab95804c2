package io.jangteo.axon.operations;

import io.jangteo.messages.operations.ProjectionView;
import io.jangteo.messages.operations.ProjectionView.SegmentView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads what an operator needs to know about each tracking processor on this node. Everything comes from the
 * processor's own status, except the head (one lookup in the event store) and the age of the oldest unhandled event
 * (one read of one event, only when the processor is behind).
 */
@Component
class ProjectionStatus {

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final ObjectProvider<EventStorageEngine> storageEngine;
    private final OperationsProperties properties;
    private final Clock clock;
    private final Map<String, RateMeter> meters = new ConcurrentHashMap<>();

    ProjectionStatus(EventProcessingConfiguration eventProcessing, EventStore eventStore,
                     ObjectProvider<EventStorageEngine> storageEngine, OperationsProperties properties) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    Map<String, TrackingEventProcessor> processors() {
        Map<String, TrackingEventProcessor> found = new java.util.TreeMap<>();
        eventProcessing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                found.put(name, tracking);
            }
        });
        return found;
    }

    Optional<TrackingEventProcessor> processor(String name) {
        return Optional.ofNullable(processors().get(name));
    }

    boolean rebuildable(String name, TrackingEventProcessor processor) {
        return properties.readModels().contains(name) && processor.supportsReset();
    }

    List<ProjectionView> all() {
        long head = headPosition();
        return processors().entrySet().stream().map(e -> view(e.getKey(), e.getValue(), head)).toList();
    }

    ProjectionView view(String name, TrackingEventProcessor processor) {
        return view(name, processor, headPosition());
    }

    private ProjectionView view(String name, TrackingEventProcessor processor, long head) {
        Instant now = clock.instant();
        List<EventTrackerStatus> statuses = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId())).toList();
        List<SegmentView> segments = statuses.stream().map(s -> new SegmentView(
                s.getSegment().getSegmentId(), s.getSegment().getMask(), boxed(s.getCurrentPosition()),
                s.isCaughtUp(), replaying(s), s.isErrorState() ? describe(s.getError()) : null)).toList();
        Optional<EventTrackerStatus> slowest = statuses.stream()
                .min(Comparator.comparingLong(s -> s.getCurrentPosition().orElse(-1)));
        OptionalLong position = slowest.map(EventTrackerStatus::getCurrentPosition).orElse(OptionalLong.empty());
        boolean replaying = statuses.stream().anyMatch(ProjectionStatus::replaying);
        String error = statuses.stream().filter(EventTrackerStatus::isErrorState).findFirst()
                .map(s -> describe(s.getError())).orElse(null);

        RateMeter meter = meters.computeIfAbsent(name, n -> new RateMeter(Duration.ofSeconds(5), Duration.ofMillis(200)));
        if (position.isPresent()) {
            meter.record(now, position.getAsLong());
        }
        Double rate = meter.eventsPerSecond();
        Double percent = null;
        Long eta = null;
        if (replaying) {
            OptionalLong reset = slowest.map(EventTrackerStatus::getResetPosition).orElse(OptionalLong.empty());
            percent = ReplayProgress.percent(position, reset);
            eta = ReplayProgress.etaSeconds(position, reset, rate);
        }
        long lagEvents = position.isPresent() ? Math.max(0, head - position.getAsLong()) : Math.max(0, head + 1);
        long lagSeconds = lagEvents == 0 ? 0 : oldestUnhandled(slowest.map(EventTrackerStatus::getTrackingToken)
                .orElse(null)).map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
        String state = state(processor, statuses, replaying, error);
        long deadLetters = eventProcessing.deadLetterQueue(name)
                .map(SequencedDeadLetterQueue::size).orElse(0L);
        return new ProjectionView(name, rebuildable(name, processor), state,
                position.isPresent() ? position.getAsLong() : null, head, lagEvents, lagSeconds, segments, replaying,
                percent, rate, eta, error, deadLetters, now);
    }

    /**
     * Whether a segment still replays. Axon keeps flagging a segment as replaying until it handles an event past the
     * position the reset was made at, so a rebuild on a quiet system would look unfinished forever; the replay is
     * done when the position reached the reset position.
     */
    static boolean replaying(EventTrackerStatus status) {
        if (!status.isReplaying()) {
            return false;
        }
        OptionalLong reset = status.getResetPosition();
        OptionalLong current = status.getCurrentPosition();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    private static String state(TrackingEventProcessor processor, List<EventTrackerStatus> statuses,
                                boolean replaying, String error) {
        if (error != null) {
            return "ERROR";
        }
        if (statuses.isEmpty()) {
            return processor.isRunning() ? "CATCHING_UP" : "STOPPED";
        }
        if (replaying) {
            return "REPLAYING";
        }
        return statuses.stream().allMatch(EventTrackerStatus::isCaughtUp) ? "LIVE" : "CATCHING_UP";
    }

    long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** When the first event after the token was stored; empty when there is none or it cannot be read. */
    private Optional<Instant> oldestUnhandled(TrackingToken token) {
        TrackingToken from = token == null ? null : WrappedToken.unwrapLowerBound(token);
        EventStorageEngine engine = storageEngine.getIfAvailable();
        try {
            if (engine != null) {
                try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
                    return events.findFirst().map(TrackedEventMessage::getTimestamp);
                }
            }
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(from)) {
                return events.hasNextAvailable(1, TimeUnit.SECONDS)
                        ? Optional.of(events.nextAvailable().getTimestamp()) : Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // the lag in events still tells the operator the processor is behind
        }
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    static String describe(Throwable error) {
        return error == null ? null : error.getClass().getName() + ": " + error.getMessage();
    }
}
