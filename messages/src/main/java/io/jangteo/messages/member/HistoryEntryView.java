package io.jangteo.messages.member;

import java.time.Instant;

/**
 * One stored event with its audit metadata. {@code payloadJson} is the event as JSON after decryption (erased personal
 * fields are JSON null); {@code eventType} is the event's simple class name.
 */
public record HistoryEntryView(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                               String eventType, Instant occurredAt, String actorId, String actorRole,
                               String clientIp, String userAgent, String requestId, String correlationId,
                               String causationId, String payloadJson) {
}
