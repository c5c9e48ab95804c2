package io.jangteo.query.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.alerts.AlertDelivered;
import io.jangteo.messages.alerts.AlertDeliveryFailed;
import io.jangteo.messages.alerts.IncidentOpened;
import io.jangteo.messages.alerts.IncidentResolved;
import io.jangteo.messages.alerts.IncidentStatus;
import io.jangteo.query.shared.BsonValues;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One document per incident keyed by its id. Each write is guarded by the event's sequence number (kept in
 * {@code version}), so a redelivered event changes nothing and a replay gives the same documents. The collection
 * stays small (incidents are rare by design), so lists filter in the collection.
 */
@Component
@ProcessingGroup(IncidentProjection.PROCESSING_GROUP)
class IncidentProjection {

    static final String PROCESSING_GROUP = "incidents";

    private final MongoCollection<Document> incidents;

    IncidentProjection(MongoDatabase database) {
        this.incidents = IncidentDocument.collection(database);
    }

    @EventHandler
    void on(IncidentOpened event, @SequenceNumber long version) {
        Document document = new Document("_id", event.incidentId())
                .append(IncidentDocument.RULE, event.rule())
                .append(IncidentDocument.RULE_TYPE, event.ruleType())
                .append(IncidentDocument.SUBJECT, event.subject())
                .append(IncidentDocument.STATUS, IncidentStatus.FIRING.name())
                .append(IncidentDocument.VALUE, event.value())
                .append(IncidentDocument.THRESHOLD, event.threshold())
                .append(IncidentDocument.WINDOW, event.window())
                .append(IncidentDocument.INSTANCE, event.instance())
                .append(IncidentDocument.LINK, event.link())
                .append(IncidentDocument.NOTIFIED, event.notified())
                .append(IncidentDocument.OPENED_AT, BsonValues.millis(event.openedAt()))
                .append(IncidentDocument.DELIVERIES, new java.util.ArrayList<Document>())
                .append(IncidentDocument.VERSION, version);
        incidents.updateOne(Filters.eq("_id", event.incidentId()), new Document("$setOnInsert", document),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(IncidentResolved event, @SequenceNumber long version) {
        change(event.incidentId(), version, new Document(IncidentDocument.STATUS, IncidentStatus.RESOLVED.name())
                .append(IncidentDocument.RESOLVED_AT, BsonValues.millis(event.resolvedAt()))
                .append(IncidentDocument.RESOLVED_VALUE, event.value()), null);
    }

    @EventHandler
    void on(AlertDelivered event, @SequenceNumber long version) {
        change(event.incidentId(), version, new Document(), IncidentDocument.delivery(event.status(),
                event.notifier(), true, event.attempts(), null, event.deliveredAt()));
    }

    @EventHandler
    void on(AlertDeliveryFailed event, @SequenceNumber long version) {
        change(event.incidentId(), version, new Document(), IncidentDocument.delivery(event.status(),
                event.notifier(), false, event.attempts(), event.error(), event.failedAt()));
    }

    @ResetHandler
    void reset() {
        incidents.deleteMany(new Document());
    }

    private void change(String incidentId, long version, Document set, Document delivery) {
        set.append(IncidentDocument.VERSION, version);
        var update = delivery == null
                ? new Document("$set", set)
                : Updates.combine(new Document("$set", set), Updates.push(IncidentDocument.DELIVERIES, delivery));
        incidents.updateOne(Filters.and(Filters.eq("_id", incidentId), Filters.lt(IncidentDocument.VERSION, version)),
                update);
    }
}
