package io.jangteo.messages.stream;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as a stream shows it. {@code position} orders the whole store; {@code resumeToken} resumes right
 * after this event without missing one committed late into a gap. {@code occurredAt} is the time the event was
 * created (UTC), so a client can measure delivery latency against its own receipt time. Aggregate fields are null
 * for an event that belongs to no aggregate.
 */
public record StreamedEventView(long position, String resumeToken, String eventId, String eventType,
                                String aggregateType, String aggregateId, Long sequenceNumber, Instant occurredAt,
                                String payloadJson, Map<String, String> metaData) {

    public StreamedEventView {
        metaData = metaData == null ? Map.of() : Map.copyOf(metaData);
    }
}
