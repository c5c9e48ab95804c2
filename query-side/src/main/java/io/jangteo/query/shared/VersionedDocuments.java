package io.jangteo.query.shared;

import org.slf4j.LoggerFactory;
import java.util.List;
import java.util.ArrayList;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;

/**
 * Writes of a read model whose documents each follow one aggregate: a document changes only for an event newer than
 * its {@code version}, so a replay or a redelivered batch gives the same read model and never moves a document back
 * in time. Every write stamps the document with a number from the read model's {@link ChangeCounters counter}
 * ({@code changeSeq}), which is how in-memory readers find what changed.
 * <p>
 * The version check is a compare-and-set on {@code {_id, version}}: correct with several writers on a real MongoDB,
 * and served by the unique {@code {_id, version}} index on the embedded server, which ignores the non-unique indexes a
 * range condition would need and would otherwise scan the collection on every write.
 */
public final class VersionedDocuments {

    public static final String VERSION = "version";
    public static final String CHANGE_SEQ = "changeSeq";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> collection;
    private final ChangeCounters counters;
    private final String counter;

    public VersionedDocuments(MongoCollection<Document> collection, ChangeCounters counters, String counter) {
        this.collection = collection;
        this.counters = counters;
        this.counter = counter;
        collection.createIndex(Indexes.ascending("_id", VERSION), new IndexOptions().unique(true).name("id_version"));
        // every write takes a fresh number, so no two documents share one: a unique index, which the embedded server
        // (unlike a non-unique one) serves set lookups from, so a refresh reads the changed documents, not all of them
        try {
            collection.createIndex(Indexes.ascending(CHANGE_SEQ),
                    new IndexOptions().unique(true).name("change_seq_unique"));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(VersionedDocuments.class).warn(
                    "Read model {} has documents without distinct change numbers ({}); refreshes will scan it",
                    collection.getNamespace(), e.getMessage());
        }
    }

    /** Most numbers a refresh asks for by set lookup; past that, one range read is cheaper than a huge set. */
    static final int MAX_LOOKUP = 1_000;

    /**
     * The documents written with a change number in {@code (after, upTo]}: a set lookup through the unique index for
     * a usual refresh, a range read after a long pause. Documents written later are picked up by the next refresh.
     */
    public static Bson changedBetween(long after, long upTo) {
        if (upTo - after > MAX_LOOKUP) {
            return Filters.gt(CHANGE_SEQ, after);
        }
        List<Long> numbers = new ArrayList<>((int) Math.max(0, upTo - after));
        for (long n = after + 1; n <= upTo; n++) {
            numbers.add(n);
        }
        return Filters.in(CHANGE_SEQ, numbers);
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /**
     * Inserts the document an aggregate's first event makes, once: redelivered, it changes nothing. {@code make}
     * receives the change number, which also orders documents by creation.
     *
     * @return the stored document, or null when it existed already
     */
    public Document create(String id, long version, LongFunction<Document> make) {
        if (find(id) != null) {
            return null;
        }
        long sequence = counters.take(counter);
        Document created = make.apply(sequence).append("_id", id).append(VERSION, version)
                .append(CHANGE_SEQ, sequence);
        try {
            collection.insertOne(created);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return null; // another delivery of the same event won the race
        } finally {
            counters.commit(counter, sequence);
        }
        return created;
    }

    /**
     * Applies an event of {@code version} to an existing document. Nothing happens when the document does not exist
     * (without its first event the read model would be half a lie) or has seen this event already.
     *
     * @param change receives a copy of the current document and returns the new one ({@code version} and
     *               {@code changeSeq} are set here)
     * @return the stored document, or null when nothing changed
     */
    public Document change(String id, long version, UnaryOperator<Document> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = find(id);
            if (current == null || BsonValues.number(current, VERSION) >= version) {
                return null;
            }
            long currentVersion = BsonValues.number(current, VERSION);
            long sequence = counters.take(counter);
            try {
                Document next = change.apply(new Document(current));
                next.put("_id", id);
                next.put(VERSION, version);
                next.put(CHANGE_SEQ, sequence);
                long matched = collection.replaceOne(new Document("_id", id).append(VERSION, currentVersion), next)
                        .getMatchedCount();
                if (matched == 1) {
                    return next;
                }
            } finally {
                counters.commit(counter, sequence);
            }
        }
        throw new IllegalStateException("document " + id + " kept changing under " + counter + "; giving up");
    }

    public Document find(String id) {
        return collection.find(eq("_id", id)).first();
    }

    public void reset() {
        collection.deleteMany(new Document());
        counters.reset(counter);
    }
}
