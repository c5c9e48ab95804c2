package io.jangteo.query.shared;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * One counter document per read model in the {@code counters} collection, so that a query learns with a single lookup
 * by {@code _id} whether its in-memory copy of a read model is still current.
 * <p>
 * A projection {@link #take takes} a sequence number, stamps it on the document it writes ({@code changeSeq}) and then
 * {@link #commit commits} it. A reader that saw {@code committed = n} may rely on every document stamped up to
 * {@code n} being written, because a processing group has one writer at a time (one tracking segment): documents are
 * written in the order their numbers were taken. A number taken for an event that turned out stale is committed with
 * no document carrying it, which costs a reader nothing. {@link #reset} starts the numbering over under a new
 * {@code epoch}, telling readers to forget everything they hold.
 * <p>
 * Real MongoDB and the embedded server both serve these reads and writes from the {@code _id} index.
 */
public final class ChangeCounters {

    public static final String COLLECTION = "counters";
    static final String NEXT = "next";
    static final String COMMITTED = "committed";
    static final String EPOCH = "epoch";

    private final MongoCollection<Document> counters;

    public ChangeCounters(MongoDatabase database) {
        this.counters = database.getCollection(COLLECTION);
    }

    /** Where a read model stood when it was read; {@link #NONE} before its first write. */
    public record Stamp(long epoch, long committed) {
        public static final Stamp NONE = new Stamp(0, 0);
    }

    public long take(String counter) {
        return take(counter, 1);
    }

    /**
     * Takes {@code count} numbers at once (a batch of writes): they are {@code last - count + 1} to {@code last},
     * where {@code last} is the number returned.
     */
    public long take(String counter, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        Document after = counters.findOneAndUpdate(eq("_id", counter), Updates.inc(NEXT, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return number(after, NEXT);
    }

    public void commit(String counter, long sequence) {
        counters.updateOne(eq("_id", counter), Updates.max(COMMITTED, sequence), new UpdateOptions().upsert(true));
    }

    /** Sets the committed mark to exactly {@code value}: for read models whose mark is an aggregate's version. */
    public void set(String counter, long value) {
        counters.updateOne(eq("_id", counter), Updates.set(COMMITTED, value), new UpdateOptions().upsert(true));
    }

    public void reset(String counter) {
        counters.updateOne(eq("_id", counter),
                Updates.combine(Updates.set(NEXT, 0L), Updates.set(COMMITTED, 0L), Updates.inc(EPOCH, 1L)),
                new UpdateOptions().upsert(true));
    }

    public Stamp read(String counter) {
        return stamp(counters.find(eq("_id", counter)).first());
    }

    /** The stamps of several read models in one read, for queries that combine them. */
    public Map<String, Stamp> read(List<String> names) {
        Map<String, Stamp> stamps = new HashMap<>();
        for (Document document : counters.find(in("_id", names))) {
            stamps.put(document.getString("_id"), stamp(document));
        }
        for (String name : names) {
            stamps.putIfAbsent(name, Stamp.NONE);
        }
        return stamps;
    }

    private static Stamp stamp(Document document) {
        return document == null ? Stamp.NONE : new Stamp(number(document, EPOCH), number(document, COMMITTED));
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
