package io.jangteo.query.audit;

import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.query.shared.DomainEventFeed;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Stores events in a real event store and delivers them to projections as a tracking processor does: read back from
 * the store's stream as tracked messages carrying their global position, through Axon's annotation adapter. Each
 * event is one minute after the previous one ({@link DomainEventFeed#at}).
 */
final class AuditFeed {

    private final EventStore eventStore;
    private final List<AnnotationEventHandlerAdapter> projections = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<TrackedEventMessage<?>> delivered = new ArrayList<>();
    private TrackingToken token;
    private long tick;

    AuditFeed(EventStore eventStore, Object... projections) {
        this.eventStore = eventStore;
        for (Object projection : projections) {
            this.projections.add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    static Map<String, Object> by(String actorId, String role) {
        return by(actorId, role, "corr-" + actorId);
    }

    static Map<String, Object> by(String actorId, String role, String correlationId) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditKeys.ACTOR_ID, actorId);
        metaData.put(AuditKeys.ACTOR_ROLE, role);
        metaData.put(AuditKeys.CLIENT_IP, "203.0.113.9");
        metaData.put(AuditKeys.USER_AGENT, "Mozilla/5.0");
        metaData.put(AuditKeys.REQUEST_ID, "req-" + UUID.randomUUID());
        metaData.put(AuditKeys.CORRELATION_ID, correlationId);
        metaData.put(AuditKeys.CAUSATION_ID, "cause-" + correlationId);
        return metaData;
    }

    /** Stores the aggregate's next event, stamped with the next minute, and delivers everything new. */
    DomainEventMessage<?> publish(String type, String aggregateId, Object payload, Map<String, Object> metaData) {
        long sequence = sequences.merge(aggregateId, 0L, (a, b) -> a + 1);
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                metaData, UUID.randomUUID().toString(), DomainEventFeed.at(tick++));
        eventStore.publish(message);
        catchUp();
        return message;
    }

    /**
     * Delivers every stored event not delivered yet, in store order: up to the store's head as it is now. The stream
     * may not show an event the moment it is stored (the embedded store's reader fetches new events in the
     * background), so it waits for each one rather than stopping at the first "nothing yet", which on a loaded
     * machine left later events undelivered.
     */
    void catchUp() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null || (token != null && token.covers(head))) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(token)) {
            while (token == null || !token.covers(head)) {
                if (!stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the store's stream stopped before its head " + head);
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                deliver(message);
                token = message.trackingToken();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Delivers a message again, as a processor does after a crash before storing its token. */
    void deliver(EventMessage<?> message) {
        for (AnnotationEventHandlerAdapter projection : projections) {
            try {
                projection.handle(message);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (message instanceof TrackedEventMessage<?> tracked && !delivered.contains(tracked)) {
            delivered.add(tracked);
        }
    }

    /** A reset followed by a replay of the whole store. */
    void replay() {
        for (AnnotationEventHandlerAdapter projection : projections) {
            projection.prepareReset();
        }
        token = null;
        catchUp();
    }

    List<TrackedEventMessage<?>> delivered() {
        return List.copyOf(delivered);
    }

    Instant now() {
        return DomainEventFeed.at(tick);
    }
}
