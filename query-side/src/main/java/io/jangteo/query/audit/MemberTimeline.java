package io.jangteo.query.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.audit.FindMemberTimelineQuery;
import io.jangteo.messages.audit.MemberTimelinePage;
import io.jangteo.messages.audit.TimelineCategory;
import io.jangteo.messages.audit.TimelineEntryView;
import io.jangteo.messages.audit.TimelineFilter;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Member timelines: each member's entries numbered 1, 2, 3… in the order the projection saw them, stored under
 * {@code "<memberId>:<zero-padded position>"}, with a head document per member counting them. Every read and write is
 * a lookup by {@code _id} or through a unique index, the only kinds the embedded server answers without scanning, so a
 * page costs the same whether the collection holds a thousand entries or ten million; and a real MongoDB answers them
 * the same way.
 * <p>
 * A position is taken before its entry is written, so a crash between the two leaves a gap that the event's
 * redelivery does not fill (it takes the next number). Readers therefore never assume positions are dense: they read
 * windows of positions and skip the missing ones. The head's {@code count} moves only after an entry is written.
 */
final class MemberTimeline {

    static final String ENTRIES = "member_timeline";
    static final String HEADS = "member_timeline_heads";
    static final String LAST = "last";
    static final String COUNT = "count";
    static final String EVENT_ID = "eventId";
    static final String MEMBER_ID = "memberId";
    static final String POSITION = "position";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String EVENT_TYPE = "eventType";
    static final String OCCURRED_AT = "occurredAt";
    static final String CATEGORY = "category";
    static final String SUMMARY = "summary";

    /** Most positions one read asks for; a sparse filtered walk reads several windows of this size. */
    static final int MAX_WINDOW = 500;

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> heads;

    MemberTimeline(MongoDatabase database) {
        this.entries = database.getCollection(ENTRIES);
        this.heads = database.getCollection(HEADS);
        entries.createIndex(Indexes.ascending(EVENT_ID), new IndexOptions().unique(true).name("event_id_unique"));
    }

    static String id(String memberId, long position) {
        return memberId + ":" + String.format("%012d", position);
    }

    boolean holds(String eventId) {
        return entries.find(eq(EVENT_ID, eventId)).first() != null;
    }

    /** Appends an entry (the event's fields and a narration) to the member's timeline, once per event. */
    void append(String memberId, Document entry) {
        if (holds(entry.getString(EVENT_ID))) {
            return;
        }
        Document head = heads.findOneAndUpdate(eq("_id", memberId), Updates.inc(LAST, 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long position = BsonValues.number(head, LAST);
        try {
            entries.insertOne(entry.append("_id", id(memberId, position)).append(MEMBER_ID, memberId)
                    .append(POSITION, position));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return; // another delivery of the same event won: this position stays a gap
        }
        heads.updateOne(eq("_id", memberId), Updates.inc(COUNT, 1L));
    }

    void reset() {
        entries.deleteMany(new Document());
        heads.deleteMany(new Document());
    }

    MemberTimelinePage page(FindMemberTimelineQuery query) {
        String memberId = query.memberId().value();
        Document head = heads.find(eq("_id", memberId)).first();
        if (head == null) {
            return new MemberTimelinePage(List.of(), List.of(), 0, false, false);
        }
        long last = BsonValues.number(head, LAST);
        long total = BsonValues.number(head, COUNT);
        Walk walk = new Walk(memberId, last, query.filter());
        List<Document> items;
        boolean hasPrevious;
        boolean hasNext;
        if (query.fromNewest()) {
            long end = query.before() == null ? last : position(query.before()) - 1;
            List<Document> found = walk.collect(end, -1, query.last() + 1);
            hasPrevious = found.size() > query.last();
            items = new ArrayList<>(hasPrevious ? found.subList(0, query.last()) : found);
            Collections.reverse(items);
            hasNext = end < last && !walk.collect(end + 1, +1, 1).isEmpty();
        } else {
            long start = query.after() == null ? 1 : position(query.after()) + 1;
            List<Document> found = walk.collect(start, +1, query.first() + 1);
            hasNext = found.size() > query.first();
            items = hasNext ? found.subList(0, query.first()) : found;
            hasPrevious = start > 1 && !walk.collect(start - 1, -1, 1).isEmpty();
        }
        List<TimelineEntryView> views = new ArrayList<>(items.size());
        List<String> cursors = new ArrayList<>(items.size());
        for (Document item : items) {
            views.add(view(item));
            cursors.add(Long.toString(BsonValues.number(item, POSITION)));
        }
        return new MemberTimelinePage(views, cursors, total, hasPrevious, hasNext);
    }

    /** Walks one member's positions in windows of ids, keeping the entries that pass the filter. */
    private final class Walk {
        private final String memberId;
        private final long last;
        private final TimelineFilter filter;

        Walk(String memberId, long last, TimelineFilter filter) {
            this.memberId = memberId;
            this.last = last;
            this.filter = filter;
        }

        /**
         * Up to {@code wanted} entries passing the filter, from {@code from} on in {@code step}'s direction, nearest
         * first. A window starts at what is still wanted (a dense, unfiltered timeline needs one read) and doubles
         * while gaps or the filter leave it short.
         */
        List<Document> collect(long from, int step, int wanted) {
            List<Document> found = new ArrayList<>();
            long next = Math.min(from, last);
            if (step > 0) {
                next = Math.max(from, 1);
            }
            int window = Math.max(wanted, 1);
            while (found.size() < wanted && next >= 1 && next <= last) {
                List<String> ids = new ArrayList<>(window);
                long position = next;
                for (int i = 0; i < window && position >= 1 && position <= last; i++, position += step) {
                    ids.add(id(memberId, position));
                }
                next = position;
                Map<String, Document> read = new HashMap<>();
                for (Document document : entries.find(in("_id", ids))) {
                    read.put(document.getString("_id"), document);
                }
                for (String id : ids) {
                    Document document = read.get(id);
                    if (document != null && passes(document) && found.size() < wanted) {
                        found.add(document);
                    }
                }
                window = Math.min(window * 2, MAX_WINDOW);
            }
            return found;
        }

        private boolean passes(Document document) {
            if (filter.isEmpty()) {
                return true;
            }
            if (!filter.categories().isEmpty() && !filter.categories().contains(
                    BsonValues.enumValue(document, CATEGORY, TimelineCategory.class))) {
                return false;
            }
            long at = BsonValues.number(document, OCCURRED_AT);
            return (filter.from() == null || at >= BsonValues.millis(filter.from()))
                    && (filter.to() == null || at < BsonValues.millis(filter.to()));
        }
    }

    private static TimelineEntryView view(Document document) {
        return new TimelineEntryView(document.getString(EVENT_ID), document.getString(AGGREGATE_TYPE),
                document.getString(AGGREGATE_ID), BsonValues.number(document, SEQUENCE_NUMBER),
                document.getString(EVENT_TYPE), BsonValues.instant(document, OCCURRED_AT),
                BsonValues.enumValue(document, CATEGORY, TimelineCategory.class), document.getString(SUMMARY),
                document.getString(AuditKeys.ACTOR_ID), document.getString(AuditKeys.ACTOR_ROLE),
                document.getString(AuditKeys.CLIENT_IP), document.getString(AuditKeys.USER_AGENT),
                document.getString(AuditKeys.REQUEST_ID), document.getString(AuditKeys.CORRELATION_ID));
    }

    private static long position(String cursor) {
        try {
            long position = Long.parseLong(cursor);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a member timeline cursor: " + cursor);
        }
    }
}
