package io.jangteo.messages.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One event in a member's timeline, without its payload (read it with {@link FindStoredEventQuery}): where it is
 * stored, who did it from where, and a sentence a person can read ("Phone changed by SUPPORT support-17: reason
 * 'customer call'"). Summaries never hold personal data, so they stay true after the member is erased.
 */
public record TimelineEntryView(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                                String eventType, Instant occurredAt, TimelineCategory category, String summary,
                                String actorId, String actorRole, String clientIp, String userAgent,
                                String requestId, String correlationId) {
    public TimelineEntryView {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(category, "category");
    }
}
