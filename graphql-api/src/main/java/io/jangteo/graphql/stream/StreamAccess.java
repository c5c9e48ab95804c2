package io.jangteo.graphql.stream;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.stream.EventStreamFilter;
import io.jangteo.messages.stream.ResumeToken;
import io.jangteo.messages.stream.StreamStart;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Who may read the event stream and what they see, shared by the subscription and the export so both answer alike.
 * Analysts read the whole store, so they get no personal data: their questions are about counts and flows, not
 * people. Admins get everything, since operating downstream systems needs the full events.
 */
final class StreamAccess {

    private StreamAccess() {
    }

    static Actor reader(Actor actor) {
        return actor.requireRole(ActorRole.ANALYST, ActorRole.ADMIN);
    }

    static boolean withPersonalData(Actor reader) {
        return reader.role() == ActorRole.ADMIN;
    }

    static EventStreamFilter filter(Collection<String> eventTypes, Collection<String> aggregateTypes) {
        return new EventStreamFilter(names(eventTypes, "eventTypes"), names(aggregateTypes, "aggregateTypes"));
    }

    static StreamStart start(Long afterPosition, Instant at, String resumeToken) {
        try {
            return new StreamStart(afterPosition, at,
                    resumeToken == null ? null : ResumeToken.decode(resumeToken));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, e.getMessage());
        }
    }

    private static Set<String> names(Collection<String> names, String field) {
        if (names == null) {
            return Set.of();
        }
        for (String name : names) {
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]{0,99}")) {
                throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + field + "' holds type names only");
            }
        }
        return Set.copyOf(names);
    }
}
