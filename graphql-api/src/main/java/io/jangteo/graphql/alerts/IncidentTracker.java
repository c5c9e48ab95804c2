package io.jangteo.graphql.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The incident state of each rule and subject: OK until the condition holds, then FIRING until it clears. Each
 * incident gives exactly one opening and one resolution, so a message is sent once per incident and its resolution
 * once. After a resolution, a new incident within the rule's cool-down is recorded but not sent (nor its resolution),
 * which keeps a flapping condition from flooding the messengers. Used by the single evaluator thread only.
 */
final class IncidentTracker {

    /** What an evaluation changed. */
    record Transition(Kind kind, String incidentId, boolean send) {
        enum Kind { OPENED, RESOLVED }
    }

    private static final class State {
        String incidentId;
        boolean notified;
        Instant lastNotifiedResolution;
    }

    private final Map<String, State> states = new HashMap<>();

    Optional<Transition> evaluate(String key, boolean holds, Duration coolDown, Instant now) {
        State state = states.computeIfAbsent(key, ignored -> new State());
        if (holds && state.incidentId == null) {
            state.incidentId = "incident-" + UUID.randomUUID();
            state.notified = state.lastNotifiedResolution == null
                    || !now.isBefore(state.lastNotifiedResolution.plus(coolDown));
            return Optional.of(new Transition(Transition.Kind.OPENED, state.incidentId, state.notified));
        }
        if (!holds && state.incidentId != null) {
            Transition resolved = new Transition(Transition.Kind.RESOLVED, state.incidentId, state.notified);
            if (state.notified) {
                state.lastNotifiedResolution = now;
            }
            state.incidentId = null;
            return Optional.of(resolved);
        }
        return Optional.empty();
    }

    /** Subjects that had an incident and are no longer measured (a processor gone) are evaluated as cleared. */
    Iterable<String> keys() {
        return Map.copyOf(states).keySet();
    }
}
