package io.jangteo.query.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.alerts.IncidentStatus;
import io.jangteo.messages.alerts.IncidentView;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/** The fields of an incident document and its mapping to {@link IncidentView}. */
final class IncidentDocument {

    static final String COLLECTION = "incidents";
    static final String RULE = "rule";
    static final String RULE_TYPE = "ruleType";
    static final String SUBJECT = "subject";
    static final String STATUS = "status";
    static final String VALUE = "value";
    static final String THRESHOLD = "threshold";
    static final String WINDOW = "window";
    static final String INSTANCE = "instance";
    static final String LINK = "link";
    static final String NOTIFIED = "notified";
    static final String OPENED_AT = "openedAt";
    static final String RESOLVED_AT = "resolvedAt";
    static final String RESOLVED_VALUE = "resolvedValue";
    static final String DELIVERIES = "deliveries";
    static final String VERSION = "version";

    private IncidentDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }

    static Document delivery(IncidentStatus status, String notifier, boolean delivered, int attempts, String error,
                             Instant at) {
        return new Document("status", status.name()).append("notifier", notifier).append("delivered", delivered)
                .append("attempts", attempts).append("error", error).append("at", BsonValues.millis(at));
    }

    static IncidentView toView(Document document) {
        List<IncidentView.Delivery> deliveries = BsonValues.documents(document, DELIVERIES, d -> new IncidentView.Delivery(
                IncidentStatus.valueOf(d.getString("status")), d.getString("notifier"),
                Boolean.TRUE.equals(d.getBoolean("delivered")), ((Number) d.get("attempts")).intValue(),
                d.getString("error"), BsonValues.instant(d, "at")));
        Number resolvedValue = (Number) document.get(RESOLVED_VALUE);
        return new IncidentView(document.getString("_id"), document.getString(RULE), document.getString(RULE_TYPE),
                document.getString(SUBJECT), IncidentStatus.valueOf(document.getString(STATUS)),
                ((Number) document.get(VALUE)).doubleValue(), ((Number) document.get(THRESHOLD)).doubleValue(),
                document.getString(WINDOW), document.getString(INSTANCE), document.getString(LINK),
                Boolean.TRUE.equals(document.getBoolean(NOTIFIED)), BsonValues.instant(document, OPENED_AT),
                BsonValues.instant(document, RESOLVED_AT), resolvedValue == null ? null : resolvedValue.doubleValue(),
                deliveries);
    }
}
