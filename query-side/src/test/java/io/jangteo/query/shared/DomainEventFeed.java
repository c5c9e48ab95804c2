package io.jangteo.query.shared;

import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers events to a projection as a tracking processor does: as domain event messages with their aggregate's
 * sequence number, a time and audit metadata, through Axon's annotation adapter, so the handlers' annotations are
 * exercised too. Each event is one minute after the previous one; {@link #restart} starts the clock and the sequence
 * numbers over, so a replay of the same events gives the same messages. Every delivered message is kept, so a test
 * can replay them. Each read model's tests extend it with methods named after their aggregates.
 */
public class DomainEventFeed {

    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final AnnotationEventHandlerAdapter adapter;
    private final Map<String, Long> next = new HashMap<>();
    private final List<DomainEventMessage<?>> delivered = new ArrayList<>();
    private long tick;

    protected DomainEventFeed(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    /** The time of the n-th event since the (re)start, counting from 0. */
    public static Instant at(long n) {
        return T0.plusSeconds(60 * n);
    }

    /** The time the next event will carry. */
    public Instant now() {
        return at(tick);
    }

    public void deliver(DomainEventMessage<?> message) {
        try {
            adapter.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        delivered.add(message);
    }

    /** Everything delivered so far, in order. */
    public List<DomainEventMessage<?>> delivered() {
        return List.copyOf(delivered);
    }

    public void restart() {
        next.clear();
        tick = 0;
    }

    public static DomainEventMessage<?> message(String type, String aggregateId, long sequence, Object event,
                                                Instant timestamp) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, event, Map.of(
                AuditKeys.ACTOR_ID, "actor-1",
                AuditKeys.ACTOR_ROLE, "CUSTOMER",
                AuditKeys.REQUEST_ID, "req-" + sequence),
                UUID.randomUUID().toString(), timestamp);
    }

    /** Delivers the aggregate's next event; returns its sequence number. */
    protected long nextOf(String type, String aggregateId, Object event) {
        if (!adapter.canHandleType(event.getClass())) {
            throw new AssertionError("the projection does not handle " + event.getClass().getSimpleName());
        }
        long sequence = next.merge(aggregateId, 0L, (a, b) -> a + 1);
        deliver(message(type, aggregateId, sequence, event, at(tick++)));
        return sequence;
    }
}
