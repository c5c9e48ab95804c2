package io.jangteo.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

/** The shape of an {@code audit_log} document. */
final class AuditLogDocument {

    static final String COLLECTION = "audit_log";
    static final String POSITION = "position";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String EVENT_TYPE = "eventType";
    static final String TIMESTAMP = "timestamp";
    static final String[] METADATA_KEYS = {AuditKeys.ACTOR_ID, AuditKeys.ACTOR_ROLE, AuditKeys.CLIENT_IP,
            AuditKeys.USER_AGENT, AuditKeys.REQUEST_ID, AuditKeys.CORRELATION_ID, AuditKeys.CAUSATION_ID};

    private AuditLogDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }

    /**
     * The indexes a real MongoDB answers each filter part from, each ending in the position so the newest-first sort
     * needs no in-memory step. The embedded server ignores them and scans; see the query's notes.
     */
    static void createIndexes(MongoCollection<Document> log) {
        log.createIndex(Indexes.descending(POSITION), new IndexOptions().name("position"));
        log.createIndex(Indexes.compoundIndex(Indexes.ascending(AGGREGATE_ID), Indexes.descending(POSITION)),
                new IndexOptions().name("aggregate_position"));
        log.createIndex(Indexes.compoundIndex(Indexes.ascending(AuditKeys.ACTOR_ID), Indexes.descending(POSITION)),
                new IndexOptions().name("actor_position"));
        log.createIndex(Indexes.compoundIndex(Indexes.ascending(AuditKeys.CORRELATION_ID),
                Indexes.descending(POSITION)), new IndexOptions().name("correlation_position"));
        log.createIndex(Indexes.compoundIndex(Indexes.ascending(EVENT_TYPE), Indexes.descending(POSITION)),
                new IndexOptions().name("event_type_position"));
        log.createIndex(Indexes.descending(TIMESTAMP), new IndexOptions().name("timestamp"));
    }

    /** The entry as the index alone tells it, for an event the store no longer returns; no payload. */
    static HistoryEntryView withoutPayload(Document document) {
        return new HistoryEntryView(document.getString("_id"), document.getString(AGGREGATE_TYPE),
                document.getString(AGGREGATE_ID), BsonValues.number(document, SEQUENCE_NUMBER),
                document.getString(EVENT_TYPE), BsonValues.instant(document, TIMESTAMP),
                document.getString(AuditKeys.ACTOR_ID), document.getString(AuditKeys.ACTOR_ROLE),
                document.getString(AuditKeys.CLIENT_IP), document.getString(AuditKeys.USER_AGENT),
                document.getString(AuditKeys.REQUEST_ID), document.getString(AuditKeys.CORRELATION_ID),
                document.getString(AuditKeys.CAUSATION_ID), null);
    }
}
