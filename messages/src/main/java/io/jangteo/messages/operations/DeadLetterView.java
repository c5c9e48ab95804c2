package io.jangteo.messages.operations;

import java.time.Instant;

/**
 * One parked event and why it was parked.
 *
 * @param id             the event's identifier, which names the letter
 * @param sequence       the sequence it belongs to (the aggregate for projections); later events of it wait behind it
 * @param aggregateId    {@code null} for an event that no aggregate published
 * @param sequenceNumber the event's number in its aggregate's stream, {@code null} as above
 * @param causeType      the class of the failure that parked it (or last kept it parked)
 */
public record DeadLetterView(String id, String sequence, String eventType, String aggregateId, Long sequenceNumber,
                             Instant eventTime, Instant enqueuedAt, Instant lastTouched, String causeType,
                             String causeMessage) {
}
