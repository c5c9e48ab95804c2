package io.jangteo.query.shared;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a stored event shows in a history read from the event store: its audit metadata and its payload as JSON. Every
 * history (a member's, an order's) shows events alike, so support reads them all the same way.
 */
public final class HistoryEntries {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryEntries.class);

    private final ObjectMapper json;

    public HistoryEntries(ObjectMapper objectMapper) {
        this.json = eventJson(objectMapper);
    }

    /**
     * How every history, stream and state difference writes an event or a state as JSON: a copy, so the
     * application's mapper is left as it is; fields only, so a record's helper methods (Money.isNegative,
     * Address.isKorean) do not show up as if they were stored; dates as text.
     */
    public static ObjectMapper eventJson(ObjectMapper objectMapper) {
        return objectMapper.copy()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    /**
     * How many events an aggregate's stream holds: its last sequence number plus one (streams are numbered from 0
     * without gaps), which the store answers without reading the events.
     */
    public static long streamLength(EventStore eventStore, String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
    }

    public HistoryEntryView entry(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        return new HistoryEntryView(
                event.getIdentifier(),
                event.getType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(),
                event.getTimestamp(),
                text(metaData, AuditKeys.ACTOR_ID),
                text(metaData, AuditKeys.ACTOR_ROLE),
                text(metaData, AuditKeys.CLIENT_IP),
                text(metaData, AuditKeys.USER_AGENT),
                text(metaData, AuditKeys.REQUEST_ID),
                text(metaData, AuditKeys.CORRELATION_ID),
                text(metaData, AuditKeys.CAUSATION_ID),
                payloadJson(event));
    }

    private String payloadJson(DomainEventMessage<?> event) {
        try {
            return json.writeValueAsString(event.getPayload());
        } catch (JsonProcessingException | RuntimeException e) {
            // one unreadable event must not hide a whole history from support; its audit data still shows
            LOG.warn("Cannot show event {} of {} as JSON", event.getIdentifier(), event.getAggregateIdentifier(), e);
            return null;
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
