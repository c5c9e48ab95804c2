package io.jangteo.query.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers events to projections the way a tracking processor does: to the {@code on} handler of the event's type,
 * with the aggregate's sequence number and the event's time. Sequence numbers follow each aggregate unless a test
 * gives one, to replay or redeliver.
 */
public final class EventFeed {

    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final List<Object> projections;
    private final Map<String, Long> next = new HashMap<>();

    public EventFeed(Object... projections) {
        this.projections = List.of(projections);
    }

    /** Time of the event with this sequence number: distinct per number, so tests can tell which event set a time. */
    public static Instant at(long version) {
        return T0.plusSeconds(60 * version);
    }

    /** Delivers the aggregate's next event; returns its sequence number. */
    public long next(String aggregateId, Object event) {
        long version = next.merge(aggregateId, 0L, (a, b) -> a + 1);
        deliver(event, version);
        return version;
    }

    /** Delivers {@code event} with an explicit sequence number (a redelivery or a replay). */
    public void deliver(Object event, long version) {
        boolean handled = false;
        for (Object projection : projections) {
            for (Method method : projection.getClass().getDeclaredMethods()) {
                if (method.getName().equals("on") && method.getParameterTypes()[0] == event.getClass()) {
                    method.setAccessible(true);
                    Object[] arguments = method.getParameterCount() == 3
                            ? new Object[]{event, version, at(version)} : new Object[]{event, version};
                    invoke(method, projection, arguments);
                    handled = true;
                }
            }
        }
        if (!handled) {
            throw new AssertionError("no projection handles " + event.getClass().getSimpleName());
        }
    }

    /** Forgets the sequence numbers, as a replay from the start does. */
    public void restart() {
        next.clear();
    }

    private static void invoke(Method method, Object target, Object[] arguments) {
        try {
            method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
