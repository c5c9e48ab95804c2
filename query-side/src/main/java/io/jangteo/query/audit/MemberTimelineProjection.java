package io.jangteo.query.audit;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.query.shared.BsonValues;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Member timelines ({@code member_timeline}, {@code member_timeline_heads}): every stored event about a member, in the
 * order this processor sees them (the event store's order), told by {@link TimelineNarrator}. One entry per event:
 * a redelivered event is recognised by its identifier and skipped. A replay after a reset numbers the entries anew
 * from 1 in the same order, so it gives the same timeline.
 */
@Component
@ProcessingGroup(MemberTimelineProjection.PROCESSING_GROUP)
class MemberTimelineProjection {

    static final String PROCESSING_GROUP = "member-timeline";

    private final MemberTimeline timeline;
    private final TimelineSubjects subjects = new TimelineSubjects();
    private final TimelineNarrator narrator = new TimelineNarrator();

    MemberTimelineProjection(MongoDatabase database) {
        this.timeline = new MemberTimeline(database);
    }

    @EventHandler
    void on(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent) || event.getPayload() == null) {
            return;
        }
        Optional<String> member = subjects.memberOf(domainEvent);
        if (member.isEmpty()) {
            return;
        }
        String memberId = member.get();
        MetaData metaData = event.getMetaData();
        TimelineNarrator.Narration narration = narrator.narrate(event.getPayload(), new TimelineNarrator.Context(
                memberId, text(metaData, AuditKeys.ACTOR_ID), text(metaData, AuditKeys.ACTOR_ROLE),
                text(metaData, AuditKeys.CLIENT_IP)));
        Document entry = new Document(MemberTimeline.EVENT_ID, event.getIdentifier())
                .append(MemberTimeline.AGGREGATE_TYPE, domainEvent.getType())
                .append(MemberTimeline.AGGREGATE_ID, domainEvent.getAggregateIdentifier())
                .append(MemberTimeline.SEQUENCE_NUMBER, domainEvent.getSequenceNumber())
                .append(MemberTimeline.EVENT_TYPE, event.getPayloadType().getSimpleName())
                .append(MemberTimeline.OCCURRED_AT, BsonValues.millis(event.getTimestamp()))
                .append(MemberTimeline.CATEGORY, narration.category().name())
                .append(MemberTimeline.SUMMARY, narration.summary());
        for (String key : new String[]{AuditKeys.ACTOR_ID, AuditKeys.ACTOR_ROLE, AuditKeys.CLIENT_IP,
                AuditKeys.USER_AGENT, AuditKeys.REQUEST_ID, AuditKeys.CORRELATION_ID}) {
            entry.append(key, text(metaData, key));
        }
        timeline.append(memberId, entry);
    }

    @ResetHandler
    void reset() {
        timeline.reset();
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
