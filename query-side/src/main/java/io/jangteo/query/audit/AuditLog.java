package io.jangteo.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.jangteo.messages.audit.AuditEntryView;
import io.jangteo.messages.audit.AuditFilter;
import io.jangteo.messages.audit.AuditLogPage;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindAuditLogQuery;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.HistoryEntries;
import io.jangteo.query.shared.StateChanges;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the audit log: the index finds the page (newest first by global position), the event store supplies each
 * entry's payload, and {@link StateChanges} what each event changed, asked once for the whole page so events of one
 * aggregate share one rebuild. Payloads come from the store, not the index, so an erased member's personal data reads
 * as erased here too.
 * <p>
 * A cursor is the position of an entry; the next page is everything older than it, so pages never skip or repeat an
 * entry even while new events arrive. On the embedded server every filter other than none scans the index (it ignores
 * non-unique indexes); a real MongoDB answers each part from the matching compound index.
 */
final class AuditLog {

    private final MongoCollection<Document> log;
    private final EventStore eventStore;
    private final HistoryEntries entries;
    private final Supplier<StateChanges> stateChanges;

    AuditLog(MongoDatabase database, EventStore eventStore, HistoryEntries entries,
             Supplier<StateChanges> stateChanges) {
        this.log = AuditLogDocument.collection(database);
        this.eventStore = eventStore;
        this.entries = entries;
        this.stateChanges = stateChanges;
    }

    AuditLogPage page(FindAuditLogQuery query) {
        Bson filter = filter(query.filter());
        long total = log.countDocuments(filter);
        Bson pageFilter = query.after() == null ? filter
                : Filters.and(filter, Filters.lt(AuditLogDocument.POSITION, position(query.after())));
        // one more than asked, to learn whether a next page exists (never limit 0, which Mongo reads as no limit)
        List<Document> found = log.find(pageFilter).sort(Sorts.descending(AuditLogDocument.POSITION))
                .limit(query.first() + 1).into(new ArrayList<>());
        boolean hasNext = found.size() > query.first();
        List<Document> page = hasNext ? found.subList(0, query.first()) : found;

        Map<String, DomainEventMessage<?>> events = read(page);
        Map<String, List<FieldChange>> changes = events.isEmpty() || !query.withChanges()
                ? Map.of() : stateChanges.get().changedBy(List.copyOf(events.values()));
        List<AuditEntryView> items = new ArrayList<>(page.size());
        List<String> cursors = new ArrayList<>(page.size());
        for (Document document : page) {
            String id = document.getString("_id");
            DomainEventMessage<?> event = events.get(id);
            items.add(new AuditEntryView(
                    event == null ? AuditLogDocument.withoutPayload(document) : entries.entry(event),
                    changes.getOrDefault(id, List.of())));
            cursors.add(Long.toString(BsonValues.number(document, AuditLogDocument.POSITION)));
        }
        return new AuditLogPage(items, cursors, total, hasNext);
    }

    static Bson filter(AuditFilter filter) {
        List<Bson> parts = new ArrayList<>();
        if (filter.aggregateType() != null) {
            parts.add(Filters.eq(AuditLogDocument.AGGREGATE_TYPE, filter.aggregateType()));
        }
        if (filter.aggregateId() != null) {
            parts.add(Filters.eq(AuditLogDocument.AGGREGATE_ID, filter.aggregateId()));
        }
        if (filter.actorId() != null) {
            parts.add(Filters.eq(AuditKeys.ACTOR_ID, filter.actorId()));
        }
        if (!filter.eventTypes().isEmpty()) {
            parts.add(Filters.in(AuditLogDocument.EVENT_TYPE, filter.eventTypes()));
        }
        if (filter.from() != null) {
            parts.add(Filters.gte(AuditLogDocument.TIMESTAMP, BsonValues.millis(filter.from())));
        }
        if (filter.to() != null) {
            parts.add(Filters.lt(AuditLogDocument.TIMESTAMP, BsonValues.millis(filter.to())));
        }
        if (filter.correlationId() != null) {
            parts.add(Filters.eq(AuditKeys.CORRELATION_ID, filter.correlationId()));
        }
        return parts.isEmpty() ? new Document() : Filters.and(parts);
    }

    /**
     * The page's events from the store, keyed by identifier: each aggregate's stream read once, from the page's
     * lowest sequence number of it up to its highest.
     */
    private Map<String, DomainEventMessage<?>> read(List<Document> page) {
        Map<String, long[]> spans = new LinkedHashMap<>();
        for (Document document : page) {
            long sequence = BsonValues.number(document, AuditLogDocument.SEQUENCE_NUMBER);
            spans.merge(document.getString(AuditLogDocument.AGGREGATE_ID), new long[]{sequence, sequence},
                    (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<String, DomainEventMessage<?>> byId = new HashMap<>();
        spans.forEach((aggregateId, span) -> {
            DomainEventStream stream = eventStore.readEvents(aggregateId, span[0]);
            while (stream.hasNext() && stream.peek().getSequenceNumber() <= span[1]) {
                DomainEventMessage<?> event = stream.next();
                byId.put(event.getIdentifier(), event);
            }
        });
        Map<String, DomainEventMessage<?>> inPageOrder = new LinkedHashMap<>();
        for (Document document : page) {
            DomainEventMessage<?> event = byId.get(document.getString("_id"));
            if (event != null) {
                inPageOrder.put(event.getIdentifier(), event);
            }
        }
        return inPageOrder;
    }

    private static long position(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an audit log cursor: " + cursor);
        }
    }
}
