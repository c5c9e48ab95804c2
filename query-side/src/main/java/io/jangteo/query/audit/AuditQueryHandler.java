package io.jangteo.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.AuditLogPage;
import io.jangteo.messages.audit.FindAuditLogQuery;
import io.jangteo.messages.audit.FindMemberTimelineQuery;
import io.jangteo.messages.audit.MemberTimelinePage;
import io.jangteo.query.shared.HistoryEntries;
import io.jangteo.query.shared.StateChanges;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Answers the audit log and member timeline queries. {@link StateChanges} is looked up when the audit log is first
 * read, not at start-up, so the timeline and the rest of the application come up even where no implementation of it
 * is deployed; the audit log then fails loudly rather than show entries without their changes.
 */
@Component
class AuditQueryHandler {

    private final AuditLog auditLog;
    private final MemberTimeline timeline;

    @Autowired
    AuditQueryHandler(MongoDatabase database, EventStore eventStore, ObjectProvider<ObjectMapper> objectMappers,
                      ObjectProvider<StateChanges> stateChanges) {
        this(database, eventStore, objectMappers.getIfUnique(ObjectMapper::new), stateChanges::getObject);
    }

    AuditQueryHandler(MongoDatabase database, EventStore eventStore, ObjectMapper objectMapper,
                      Supplier<StateChanges> stateChanges) {
        this.auditLog = new AuditLog(database, eventStore, new HistoryEntries(objectMapper), stateChanges);
        this.timeline = new MemberTimeline(database);
    }

    @QueryHandler
    AuditLogPage find(FindAuditLogQuery query) {
        return auditLog.page(query);
    }

    @QueryHandler
    MemberTimelinePage find(FindMemberTimelineQuery query) {
        return timeline.page(query);
    }
}
