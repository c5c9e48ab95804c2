package io.jangteo.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;

/**
 * Rebuilds a state by feeding its stored events through its real projection into a scratch database, the way a
 * tracking processor delivers them: through Axon's annotated handler inspection, so sequence numbers and timestamps
 * reach the handlers as they do live.
 */
final class Replayer {

    /**
     * A projection class's handlers, inspected once: Axon's annotation adapter inspects the class anew for each
     * instance, which cost a millisecond or more per rebuild, a large part of an order's.
     */
    private static final Map<Class<?>, AnnotatedHandlerInspector<Object>> HANDLERS = new ConcurrentHashMap<>();

    private final EventStore eventStore;
    private final ScratchReadStore scratch;

    Replayer(EventStore eventStore, ScratchReadStore scratch) {
        this.eventStore = eventStore;
        this.scratch = scratch;
    }

    EventStore eventStore() {
        return eventStore;
    }

    /** One stream's events, oldest first; read from sequence 0, which leaves snapshots out. */
    List<DomainEventMessage<?>> stream(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId, 0L).forEachRemaining(events::add);
        return events;
    }

    /** The state's events, its streams merged by time, a tie going to the stream named first. */
    List<DomainEventMessage<?>> events(StateReplay<?> replay, String stateId) {
        List<String> names = replay.streams(stateId);
        if (names.size() == 1) {
            return stream(names.get(0));
        }
        List<List<DomainEventMessage<?>>> streams = new ArrayList<>();
        int total = 0;
        for (String name : names) {
            List<DomainEventMessage<?>> stream = stream(name);
            streams.add(stream);
            total += stream.size();
        }
        int[] next = new int[streams.size()];
        List<DomainEventMessage<?>> merged = new ArrayList<>(total);
        while (merged.size() < total) {
            int pick = -1;
            for (int s = 0; s < streams.size(); s++) {
                if (next[s] < streams.get(s).size() && (pick < 0 || streams.get(s).get(next[s]).getTimestamp()
                        .isBefore(streams.get(pick).get(next[pick]).getTimestamp()))) {
                    pick = s;
                }
            }
            merged.add(streams.get(pick).get(next[pick]++));
        }
        return merged;
    }

    static List<DomainEventMessage<?>> upTo(List<DomainEventMessage<?>> events, Instant instant) {
        return events.stream().filter(event -> !event.getTimestamp().isAfter(instant)).toList();
    }

    /** The state after every stored event at or before {@code asOf}; empty when it did not exist then. */
    Optional<Document> stateAt(StateReplay<?> replay, String stateId, Instant asOf) {
        List<DomainEventMessage<?>> events = upTo(events(replay, stateId), asOf);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(replay(replay, stateId, events, i -> false, (state, i) -> { }));
    }

    /**
     * Feeds {@code events} in order through a fresh projection; after event {@code i}, when {@code wanted} says so,
     * hands the state as it stands then to {@code seen} (null when it does not exist).
     *
     * @return the state after the last event, or null
     */
    Document replay(StateReplay<?> replay, String stateId, List<? extends DomainEventMessage<?>> events,
                    IntPredicate wanted, ObjIntConsumer<Document> seen) {
        return scratch.withDatabase(database -> {
            Object projection = replay.projection(database);
            AnnotatedHandlerInspector<Object> handlers = HANDLERS.computeIfAbsent(projection.getClass(), type ->
                    AnnotatedHandlerInspector.inspectType(type, ClasspathParameterResolverFactory.forClass(type),
                            ClasspathHandlerDefinition.forClass(type)));
            for (int i = 0; i < events.size(); i++) {
                handle(handlers, projection, events.get(i));
                if (wanted.test(i)) {
                    seen.accept(replay.read(database, stateId), i);
                }
            }
            return replay.read(database, stateId);
        });
    }

    /** What {@code AnnotationEventHandlerAdapter.handle} does: the most specific handler, through the interceptors. */
    private static void handle(AnnotatedHandlerInspector<Object> handlers, Object projection,
                               DomainEventMessage<?> event) {
        Class<?> type = projection.getClass();
        Optional<MessageHandlingMember<? super Object>> handler = handlers.getHandlers(type)
                .filter(member -> member.canHandle(event))
                .findFirst();
        if (handler.isEmpty()) {
            return;
        }
        try {
            handlers.chainedInterceptor(type).handle(event, projection, handler.get());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot replay event " + event.getIdentifier() + " of "
                    + event.getAggregateIdentifier(), e);
        }
    }
}
