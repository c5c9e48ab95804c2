package io.jangteo.messages.audit;

import java.time.Instant;
import java.util.List;

/**
 * Narrows the audit log; every given part must hold. {@code from} is inclusive, {@code to} exclusive; event types are
 * simple names ({@code MemberPhoneChanged}), aggregate types as stored ({@code Member}, {@code Order}).
 */
public record AuditFilter(String aggregateType, String aggregateId, String actorId, List<String> eventTypes,
                          Instant from, Instant to, String correlationId) {
    public AuditFilter {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, List.of(), null, null, null);
    }
}
