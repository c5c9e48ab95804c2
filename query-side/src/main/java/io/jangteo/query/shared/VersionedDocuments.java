package io.jangteo.query.shared;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * and served by the unique {@code {_id, version}} index on the embedded server, which uses an index only for a query
 * on exactly its fields (so not the {@code _id} index for this filter) and would otherwise scan the collection on
 * every write.
 * <p>
 * <b>Batches.</b> Inside an event processor's batch (a {@link BatchingUnitOfWork}) the documents are kept in memory
 * and written once, when the batch prepares to commit: the documents of all the batch's aggregates are read with one
 * query, every change applies to the kept copy, and the batch ends with one bulk write of each changed document's last
 * state (compare-and-set on the version it was read with) and one counter update. A replay of 1,000 order events then
 * costs a handful of round trips instead of four per event. The batch's token is stored only after that commit (see
 * the after-commit token store), so a crash or a failed write handles the whole batch again, which the version guard
 * makes harmless. A change that throws leaves the kept copy as it was, so a dead-lettered event changes nothing.
 * Outside a batch (a unit test calling a handler, a state replay into a scratch store) every call writes at once.
 */
public final class VersionedDocuments {

    public static final String VERSION = "version";
    public static final String CHANGE_SEQ = "changeSeq";
    private static final int ATTEMPTS = 5;
    /** Most ids one prefetch query asks for. */
    private static final int PREFETCH_CHUNK = 1_000;

    private final MongoCollection<Document> collection;
    private final ChangeCounters counters;
    private final String counter;
    private final String batchResource;

    public VersionedDocuments(MongoCollection<Document> collection, ChangeCounters counters, String counter) {
        this.collection = collection;
        this.counters = counters;
        this.counter = counter;
        this.batchResource = VersionedDocuments.class.getName() + ":" + collection.getNamespace() + ":" + counter
                + ":" + System.identityHashCode(this);
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

    /** The collection, for reads and index definitions; writes from a handler go through {@link #writeThrough()}. */
    public MongoCollection<Document> collection() {
        return collection;
    }

    /**
     * The collection for a write this class does not make (an update of many documents at once): the batch's pending
     * documents are written first and forgotten after, so the write sees them and the batch does not overwrite it.
     */
    public MongoCollection<Document> writeThrough() {
        Batch batch = batch();
        if (batch != null) {
            batch.flush();
            batch.forget();
        }
        return collection;
    }

    /**
     * Inserts the document an aggregate's first event makes, once: redelivered, it changes nothing. {@code make}
     * receives the change number, which also orders documents by creation.
     *
     * @return the stored document, or null when it existed already
     */
    public Document create(String id, long version, LongFunction<Document> make) {
        Batch batch = batch();
        if (batch != null) {
            return batch.create(id, version, make);
        }
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
        Batch batch = batch();
        if (batch != null) {
            return batch.change(id, version, change);
        }
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

    /** The document as this read model has it, including changes of the current batch not yet written. */
    public Document find(String id) {
        Batch batch = batch();
        if (batch != null) {
            Document latest = batch.entry(id).latest();
            return latest == null ? null : deepCopy(latest);
        }
        return collection.find(eq("_id", id)).first();
    }

    public void reset() {
        Batch batch = batch();
        if (batch != null) {
            batch.forget();
        }
        collection.deleteMany(new Document());
        counters.reset(counter);
    }

    /** The current event processor batch's state of this read model, or null outside a batch. */
    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root instanceof BatchingUnitOfWork<?> processing)) {
            return null;
        }
        return root.getOrComputeResource(batchResource, key -> {
            Batch batch = new Batch(processing);
            root.onPrepareCommit(committing -> batch.flush());
            return batch;
        });
    }

    /**
     * A document as the batch knows it: {@code base} as read (or as created), never changed or handed out, and
     * {@code current}, a copy of it made at the first change, which later changes edit in place. A change that throws
     * half-way makes {@code current} again from {@code base} and the changes that succeeded, so copying costs once per
     * document and batch, not once per event.
     */
    /** A change that succeeded in this batch, kept to make the document again after a later change fails. */
    private record Applied(long version, UnaryOperator<Document> change) {
    }

    private static final class Entry {
        long storedVersion;
        Document base;
        Document current;
        final List<Applied> changes = new ArrayList<>(0);
        boolean dirty;

        Entry(Document stored) {
            this.base = stored;
            this.storedVersion = stored == null ? -1 : BsonValues.number(stored, VERSION);
        }

        /** The document as it stands, or null when it does not exist. */
        Document latest() {
            return current != null ? current : base;
        }

        Document change(String id, long version, UnaryOperator<Document> change) {
            if (current == null) {
                current = deepCopy(base);
            }
            try {
                current = applied(current, id, version, change);
            } catch (RuntimeException e) {
                Document remade = deepCopy(base);
                for (Applied done : changes) {
                    remade = applied(remade, id, done.version(), done.change());
                }
                current = remade;
                throw e;
            }
            changes.add(new Applied(version, change));
            dirty = true;
            return current;
        }

        private static Document applied(Document document, String id, long version, UnaryOperator<Document> change) {
            Document next = change.apply(document);
            next.put("_id", id);
            next.put(VERSION, version);
            next.remove(CHANGE_SEQ); // numbered when written, so a document changed many times takes one number
            return next;
        }

        /** Written: what is stored now is the base of later changes. */
        void written() {
            base = latest();
            current = null;
            changes.clear();
            storedVersion = BsonValues.number(base, VERSION);
            dirty = false;
        }
    }

    private final class Batch {

        private final BatchingUnitOfWork<?> processing;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private boolean prefetched;
        /** Numbers taken from the counter and not used yet: {@code (nextNumber - 1, lastNumber]}. */
        private long nextNumber = 1;
        private long lastNumber;
        private long highestTaken;

        Batch(BatchingUnitOfWork<?> processing) {
            this.processing = processing;
        }

        Document create(String id, long version, LongFunction<Document> make) {
            Entry entry = entry(id);
            if (entry.latest() != null) {
                return null;
            }
            long sequence = number(Math.max(8, processing.getMessages().size() / 4));
            Document created = make.apply(sequence).append("_id", id).append(VERSION, version)
                    .append(CHANGE_SEQ, sequence);
            entry.base = created;
            entry.dirty = true;
            return created;
        }

        Document change(String id, long version, UnaryOperator<Document> change) {
            Entry entry = entry(id);
            Document latest = entry.latest();
            if (latest == null || BsonValues.number(latest, VERSION) >= version) {
                return null;
            }
            return entry.change(id, version, change);
        }

        Entry entry(String id) {
            Entry entry = entries.get(id);
            if (entry != null) {
                return entry;
            }
            if (!prefetched) {
                prefetched = true;
                prefetch();
                entry = entries.get(id);
                if (entry != null) {
                    return entry;
                }
            }
            entry = new Entry(collection.find(eq("_id", id)).first());
            entries.put(id, entry);
            return entry;
        }

        /** Reads the documents of every aggregate the batch's events belong to, in a few queries. */
        private void prefetch() {
            Set<String> ids = new LinkedHashSet<>();
            for (Message<?> message : processing.getMessages()) {
                if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                    ids.add(event.getAggregateIdentifier());
                }
            }
            ids.removeAll(entries.keySet());
            List<String> chunk = new ArrayList<>(Math.min(ids.size(), PREFETCH_CHUNK));
            for (String id : ids) {
                chunk.add(id);
                if (chunk.size() == PREFETCH_CHUNK) {
                    prefetch(chunk);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                prefetch(chunk);
            }
        }

        private void prefetch(List<String> ids) {
            Map<String, Document> found = new HashMap<>();
            for (Document document : collection.find(Filters.in("_id", ids))) {
                found.put(document.getString("_id"), document);
            }
            for (String id : ids) {
                entries.put(id, new Entry(found.get(id)));
            }
        }

        private long number(int block) {
            if (nextNumber > lastNumber) {
                lastNumber = counters.take(counter, block);
                nextNumber = lastNumber - block + 1;
            }
            highestTaken = Math.max(highestTaken, nextNumber);
            return nextNumber++;
        }

        /**
         * Writes every changed document once, checked against the version it was read with, then commits the
         * counter. A document someone else changed meanwhile fails the batch, which the processor then handles again.
         */
        void flush() {
            List<Entry> dirty = new ArrayList<>();
            for (Entry entry : entries.values()) {
                if (entry.dirty) {
                    dirty.add(entry);
                }
            }
            if (dirty.isEmpty()) {
                return;
            }
            int unnumbered = 0;
            for (Entry entry : dirty) {
                if (!entry.latest().containsKey(CHANGE_SEQ)) {
                    unnumbered++;
                }
            }
            List<WriteModel<Document>> writes = new ArrayList<>(dirty.size());
            int inserts = 0;
            for (Entry entry : dirty) {
                Document latest = entry.latest();
                if (!latest.containsKey(CHANGE_SEQ)) {
                    latest.put(CHANGE_SEQ, number(unnumbered));
                    unnumbered--;
                }
                if (entry.storedVersion < 0) {
                    writes.add(new InsertOneModel<>(latest));
                    inserts++;
                } else {
                    writes.add(new ReplaceOneModel<>(new Document("_id", latest.get("_id"))
                            .append(VERSION, entry.storedVersion), latest));
                }
            }
            BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            if (result.getInsertedCount() != inserts || result.getMatchedCount() != writes.size() - inserts) {
                throw new IllegalStateException("documents of " + counter + " changed under a batch ("
                        + result.getInsertedCount() + " of " + inserts + " inserted, " + result.getMatchedCount()
                        + " of " + (writes.size() - inserts) + " replaced); the batch is handled again");
            }
            for (Entry entry : dirty) {
                entry.written();
            }
            counters.commit(counter, highestTaken);
        }

        /** Drops what the batch holds, so the next access reads the store again. */
        void forget() {
            entries.clear();
            prefetched = true; // the batch's aggregates were fetched once; later accesses read one by one
        }
    }

    /** A copy whose nested documents and lists are copies too; other values are immutable or never changed. */
    static Document deepCopy(Document document) {
        Document copy = new Document();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            copy.put(field.getKey(), deepCopyValue(field.getValue()));
        }
        return copy;
    }

    private static Object deepCopyValue(Object value) {
        if (value instanceof Document document) {
            return deepCopy(document);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(deepCopyValue(element));
            }
            return copy;
        }
        return value;
    }
}
