package io.jangteo.query.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.query.shared.HistoryEntries;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.PersonalData;
import io.jangteo.messages.stream.StreamedEventView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a stored event shows in a stream. For analysts, personal data stays out: the payload's {@link PersonalData}
 * components are removed (ids stay: they are opaque and analysts join on them) and so are the client IP and user
 * agent of the audit metadata, which identify a person as well as a name does.
 */
final class StreamedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(StreamedEvents.class);

    static final Set<String> PERSONAL_METADATA = Set.of(AuditKeys.CLIENT_IP, AuditKeys.USER_AGENT);

    private final ObjectMapper json;
    private final Map<Class<?>, List<String>> personalComponents = new ConcurrentHashMap<>();

    StreamedEvents(ObjectMapper objectMapper) {
        this.json = HistoryEntries.eventJson(objectMapper);
    }

    static String eventType(TrackedEventMessage<?> event) {
        return event.getPayloadType().getSimpleName();
    }

    static String aggregateType(TrackedEventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getType() : null;
    }

    StreamedEventView view(TrackedEventMessage<?> event, boolean withPersonalData) {
        return view(event, StreamTokens.position(event.trackingToken()), withPersonalData);
    }

    StreamedEventView view(TrackedEventMessage<?> event, long position, boolean withPersonalData) {
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Map<String, String> metaData = new TreeMap<>();
        event.getMetaData().forEach((key, value) -> {
            if (value != null && (withPersonalData || !PERSONAL_METADATA.contains(key))) {
                metaData.put(key, value.toString());
            }
        });
        return new StreamedEventView(
                position,
                StreamTokens.resumeToken(event.trackingToken()).encode(),
                event.getIdentifier(),
                eventType(event),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                event.getTimestamp(),
                payloadJson(event, withPersonalData),
                metaData);
    }

    private String payloadJson(TrackedEventMessage<?> event, boolean withPersonalData) {
        try {
            Object payload = event.getPayload();
            JsonNode tree = json.valueToTree(payload);
            if (!withPersonalData && tree instanceof ObjectNode object) {
                object.remove(personalComponents(payload.getClass()));
            }
            return json.writeValueAsString(tree);
        } catch (Exception e) {
            // one unreadable event must not end a stream that others rely on; its position and metadata still show
            LOG.warn("Cannot show event {} as JSON", event.getIdentifier(), e);
            return null;
        }
    }

    private List<String> personalComponents(Class<?> type) {
        return personalComponents.computeIfAbsent(type, t -> !t.isRecord() ? List.of()
                : Arrays.stream(t.getRecordComponents())
                        .filter(component -> component.isAnnotationPresent(PersonalData.class))
                        .map(RecordComponent::getName)
                        .toList());
    }
}
