package io.jangteo.query.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.ChangeCounters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The audit log index ({@code audit_log}): one small document per stored domain event, keyed by the event identifier,
 * so a redelivered event collides with its own document and changes nothing. Payloads are not copied: the event
 * store stays the one place that holds them (and their encrypted personal data), the index only says where to look.
 * <p>
 * {@code position} orders the log. It is the event's global position in the store (its tracking token), which grows
 * in store order and stays the same on a replay, so cursors handed out before a rebuild still point to the same
 * place. Only an event that arrives without a token (a subscribing processor, which production does not use) takes a
 * number from a counter instead.
 */
@Component
@ProcessingGroup(AuditIndexProjection.PROCESSING_GROUP)
class AuditIndexProjection {

    static final String PROCESSING_GROUP = "audit-index";

    private final MongoCollection<Document> log;
    private final ChangeCounters counters;

    AuditIndexProjection(MongoDatabase database) {
        this.log = AuditLogDocument.collection(database);
        this.counters = new ChangeCounters(database);
        AuditLogDocument.createIndexes(log);
    }

    @EventHandler
    void on(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return; // not part of an aggregate's history: nothing for the audit log to point to
        }
        if (log.find(new Document("_id", event.getIdentifier())).first() != null) {
            return;
        }
        MetaData metaData = event.getMetaData();
        Document document = new Document("_id", event.getIdentifier())
                .append(AuditLogDocument.POSITION, position(event))
                .append(AuditLogDocument.AGGREGATE_TYPE, domainEvent.getType())
                .append(AuditLogDocument.AGGREGATE_ID, domainEvent.getAggregateIdentifier())
                .append(AuditLogDocument.SEQUENCE_NUMBER, domainEvent.getSequenceNumber())
                .append(AuditLogDocument.EVENT_TYPE, event.getPayloadType().getSimpleName())
                .append(AuditLogDocument.TIMESTAMP, BsonValues.millis(event.getTimestamp()));
        for (String key : AuditLogDocument.METADATA_KEYS) {
            Object value = metaData.get(key);
            document.append(key, value == null ? null : value.toString());
        }
        try {
            log.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @ResetHandler
    void reset() {
        log.deleteMany(new Document());
        counters.reset(PROCESSING_GROUP);
    }

    private long position(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            var position = tracked.trackingToken().position();
            if (position.isPresent()) {
                return position.getAsLong();
            }
        }
        return counters.take(PROCESSING_GROUP);
    }
}
