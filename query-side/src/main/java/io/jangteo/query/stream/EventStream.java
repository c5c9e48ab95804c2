package io.jangteo.query.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.messages.stream.StreamEnd;
import io.jangteo.messages.stream.StreamEventsQuery;
import io.jangteo.messages.stream.StreamedEventView;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.TimeUnit;

/**
 * Answers {@link StreamEventsQuery} from the event store's own stream, the one tracking processors read: it moves
 * from stored to live events by itself, so there is no seam here where an event could be lost or repeated. Reading
 * is pulled by demand (one event read per event requested), so a slow consumer slows reading instead of filling a
 * buffer, and cancelling closes the store's stream.
 */
@Component
class EventStream implements DisposableBean {

    /** How long one wait for a live event blocks before the reader checks whether it was cancelled. */
    private static final int POLL_MILLIS = 200;

    private final EventStore eventStore;
    private final StreamedEvents events;
    private final Scheduler readers;

    /**
     * Each open stream holds a reader thread while it waits for live events; they get a pool of their own, so
     * analysts' long-lived streams can never take the threads that Reactor's shared pool lends to the rest of the
     * application. Beyond this many open streams, new ones wait for a reader to be free.
     */
    static final int MAX_READERS = 64;

    @Autowired
    EventStream(EventStore eventStore, ObjectProvider<ObjectMapper> objectMappers) {
        this(eventStore, objectMappers.getIfUnique(ObjectMapper::new),
                Schedulers.newBoundedElastic(MAX_READERS, 10_000, "event-stream", 60, true));
    }

    @Override
    public void destroy() {
        readers.dispose();
    }

    EventStream(EventStore eventStore, ObjectMapper objectMapper, Scheduler readers) {
        this.eventStore = eventStore;
        this.events = new StreamedEvents(objectMapper);
        this.readers = readers;
    }

    @QueryHandler
    Flux<StreamedEventView> stream(StreamEventsQuery query) {
        return Flux.defer(() -> {
                    Reader reader = new Reader(query);
                    return Flux.<StreamedEventView, Reader>generate(reader::open, Reader::next, Reader::close)
                            .doOnCancel(reader::cancel);
                })
                // the reader blocks while waiting for live events, so it must not hold a caller's thread
                .subscribeOn(readers);
    }

    /** One subscriber's cursor over the store; used by one thread at a time (the generator's). */
    private final class Reader {

        private final StreamEventsQuery query;
        private volatile boolean cancelled;
        private BlockingStream<TrackedEventMessage<?>> stream;
        private long lastPosition = Long.MAX_VALUE;
        private boolean done;
        /** What this reader has handed out so far, as the store's stream tracks it. */
        private TrackingToken last;
        /** The position read last (or started after): a bounded stream that reached its end waits no longer. */
        private long seen;

        Reader(StreamEventsQuery query) {
            this.query = query;
        }

        Reader open() {
            StreamEnd until = query.until();
            if (until != null) {
                long head = StreamTokens.headPosition(eventStore);
                lastPosition = until.lastPosition() == null ? head : Math.min(head, until.lastPosition());
            }
            TrackingToken start = StreamTokens.startingAt(eventStore, query.from());
            last = start;
            seen = start == null ? -1 : start.position().orElse(-1);
            stream = eventStore.openStream(start);
            return this;
        }

        Reader next(SynchronousSink<StreamedEventView> sink) {
            try {
                while (!done && !cancelled) {
                    if (!stream.hasNextAvailable(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        // nothing more up to the end: a bounded stream that started at or beyond its end is done
                        done = query.until() != null && seen >= lastPosition;
                        continue;
                    }
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    // a guard: never hand out an event this reader's token already covers (a late commit into a
                    // gap is not covered yet, so it still goes out)
                    if (last != null && last.covers(event.trackingToken())) {
                        continue;
                    }
                    long position = StreamTokens.ownPosition(last, event.trackingToken());
                    last = event.trackingToken();
                    seen = Math.max(seen, position);
                    if (position > lastPosition) {
                        break;
                    }
                    done = position >= lastPosition;
                    if (admits(event)) {
                        sink.next(events.view(event, position, query.withPersonalData()));
                        return this;
                    }
                }
                sink.complete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.error(e);
            }
            return this;
        }

        private boolean admits(TrackedEventMessage<?> event) {
            return query.filter().matches(StreamedEvents.eventType(event), StreamedEvents.aggregateType(event))
                    && (query.until() == null || query.until().admits(event.getTimestamp()))
                    && (query.from().at() == null || !event.getTimestamp().isBefore(query.from().at()));
        }

        void cancel() {
            cancelled = true;
        }

        void close() {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
