package io.jangteo.query.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The replays by the aggregate types (as stored) that feed them. */
final class Replays {

    private final Map<String, StateReplay<?>> byType = new HashMap<>();

    Replays(List<? extends StateReplay<?>> replays) {
        for (StateReplay<?> replay : replays) {
            for (String type : replay.aggregateTypes()) {
                StateReplay<?> other = byType.putIfAbsent(type, replay);
                if (other != null) {
                    throw new IllegalStateException(type + " is replayed by both " + other.getClass().getName()
                            + " and " + replay.getClass().getName());
                }
            }
        }
    }

    /** The replay of streams of {@code aggregateType}, or null when it has none. */
    StateReplay<?> of(String aggregateType) {
        return byType.get(aggregateType);
    }

    @SuppressWarnings("unchecked")
    <V> StateReplay<V> typed(String aggregateType) {
        StateReplay<V> replay = (StateReplay<V>) byType.get(aggregateType);
        if (replay == null) {
            throw new IllegalStateException("no replay of " + aggregateType + " is configured");
        }
        return replay;
    }
}
