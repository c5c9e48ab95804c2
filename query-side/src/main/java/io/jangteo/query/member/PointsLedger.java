package io.jangteo.query.member;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.jangteo.messages.member.PointsLedgerEntryView;
import io.jangteo.messages.member.PointsLedgerPage;
import io.jangteo.messages.member.PointsMovement;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code points_ledger} collection: one document per ledger event, with {@code _id} =
 * {@code <memberId>:<rewards sequence, zero-padded>}, so that a member's entries sort by {@code _id} and are found by
 * id, never by scanning the collection.
 * <p>
 * An entry is written before the member document that counts it, so every entry up to the member document's
 * {@code rewardsVersion} exists: a page asks for the ids below its cursor (the {@code _id} index serves such a set on
 * the embedded server and on MongoDB alike) and stops at the first sequence number, with no range condition, which the
 * embedded server would answer by a scan. The page's {@code totalCount} is the member document's count of entries.
 */
final class PointsLedger {

    static final String COLLECTION = "points_ledger";
    static final String SEQUENCE = "sequence";
    /** Ledger events are most of a rewards stream; a grade change or a recorded purchase leaves a gap. */
    private static final int MIN_WINDOW = 16;

    private final MongoCollection<Document> ledger;

    PointsLedger(MongoDatabase database) {
        this.ledger = database.getCollection(COLLECTION);
    }

    static String id(String memberId, long sequence) {
        return memberId + ":" + String.format("%019d", sequence);
    }

    /** What one ledger event adds to the ledger; {@code points} signed as it changes the total. */
    record Entry(PointsMovement movement, long points, String entryId, String orderId, String reason,
                 Instant availableAt, Instant expiresAt) {
    }

    /** Records an entry once: a redelivered event finds it there and changes nothing. */
    void record(String memberId, long sequence, Entry entry, Instant occurredAt) {
        Document document = new Document("_id", id(memberId, sequence))
                .append("memberId", memberId)
                .append(SEQUENCE, sequence)
                .append("entryId", entry.entryId())
                .append("movement", entry.movement().name())
                .append("points", entry.points())
                .append("orderId", entry.orderId())
                .append("reason", entry.reason())
                .append("occurredAt", BsonValues.millis(occurredAt))
                .append("availableAt", entry.availableAt() == null ? null : BsonValues.millis(entry.availableAt()))
                .append("expiresAt", entry.expiresAt() == null ? null : BsonValues.millis(entry.expiresAt()));
        try {
            ledger.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * A page of the ledger, newest first.
     *
     * @param member the member's document (null: no such member); its {@code rewardsVersion} bounds what is read
     * @param after  the sequence number of the last entry of the previous page, or null
     */
    PointsLedgerPage page(Document member, int first, String after) {
        if (member == null) {
            return new PointsLedgerPage(List.of(), List.of(), 0, false);
        }
        String memberId = member.getString("_id");
        // entries past rewardsVersion may be written already but are not counted yet: never show them
        long top = BsonValues.number(member, MemberDocument.REWARDS_VERSION) + 1;
        long below = after == null ? top : Math.min(top, cursor(after));
        long total = BsonValues.number(member, MemberDocument.LEDGER_ENTRIES);
        List<PointsLedgerEntryView> items = new ArrayList<>();
        boolean hasNext = false;
        long next = below - 1;
        while (next >= 0 && !hasNext) {
            long from = Math.max(0, next - Math.max(MIN_WINDOW, 2L * (first + 1)) + 1);
            Map<Long, Document> found = window(memberId, from, next);
            for (long sequence = next; sequence >= from; sequence--) {
                Document entry = found.get(sequence);
                if (entry == null) {
                    continue;
                }
                if (items.size() == first) {
                    hasNext = true;
                    break;
                }
                items.add(toView(entry));
            }
            next = from - 1;
        }
        List<String> cursors = items.stream().map(item -> Long.toString(item.sequence())).toList();
        return new PointsLedgerPage(items, cursors, total, hasNext);
    }

    void reset() {
        ledger.deleteMany(new Document());
    }

    private Map<Long, Document> window(String memberId, long from, long to) {
        List<String> ids = new ArrayList<>((int) (to - from + 1));
        for (long sequence = from; sequence <= to; sequence++) {
            ids.add(id(memberId, sequence));
        }
        Map<Long, Document> found = new HashMap<>();
        for (Document entry : ledger.find(Filters.in("_id", ids))) {
            found.put(BsonValues.number(entry, SEQUENCE), entry);
        }
        return found;
    }

    private static PointsLedgerEntryView toView(Document entry) {
        return new PointsLedgerEntryView(
                entry.getString("entryId"),
                BsonValues.enumValue(entry, "movement", PointsMovement.class),
                BsonValues.number(entry, "points"),
                entry.getString("orderId"),
                entry.getString("reason"),
                BsonValues.instant(entry, "occurredAt"),
                BsonValues.instant(entry, "availableAt"),
                BsonValues.instant(entry, "expiresAt"),
                BsonValues.number(entry, SEQUENCE));
    }

    private static long cursor(String cursor) {
        try {
            long sequence = Long.parseLong(cursor);
            if (sequence < 0) {
                throw new NumberFormatException();
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a points ledger cursor: " + cursor);
        }
    }
}
