package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * mongo-java-server's H2 backend with unique indexes that compare keys in memory, and with every write on disk before
 * it is acknowledged.
 * <p>
 * Unique indexes: the stock backend stores index keys with H2's generic object type, which compares two keys by
 * Java-serializing both: every lookup by {@code _id} or any unique key paid some twenty serializations, the largest
 * single cost of a catalog page. Keys are still written to disk as before; only the order in which the index keeps them
 * differs, so a data directory written by the stock backend must not be opened with this one (Jangteo has used this one
 * from its first release).
 * <p>
 * Durability: the stock backend leaves storing to the MVStore's background writer, once a second. A process killed in
 * between lost the last second of acknowledged writes, and — because that writer captures one map after another while
 * writes go on — could keep a later write without an earlier one: an event processor's token past an event whose
 * read-model document was lost for good, a saga's token past its saga, the payment sandbox forgetting a charge. Here a
 * write command is answered only after the store is committed with it (a group commit: one commit covers every write
 * finished by then), and commits wait for writes in progress, so the file always holds whole writes, every acknowledged
 * one among them. A commit reaches the operating system, not the disk: it survives the process being killed, as the
 * event store's {@code WRITE_DELAY=0} does, not a power cut. The background writer is turned off, and a chunk's space is
 * reused as soon as it holds nothing live (no retention time), or one chunk per commit would be kept for 45 s.
 * <p>
 * It lives in mongo-java-server's package because the index class it reuses is package-private there.
 */
public final class ComparingH2Backend extends H2Backend {

    /**
     * Commands that never change the store (an aggregation only without {@code $out} or {@code $merge}); any other is
     * committed before it is answered.
     */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate",
            "listcollections", "listindexes", "listdatabases", "killcursors", "ping", "ismaster", "hello",
            "buildinfo", "serverstatus", "whatsmyuri", "getlasterror", "dbstats", "collstats", "endsessions",
            "getparameter", "connectionstatus", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus", "explain");

    private final boolean durable;
    /** Writes hold it shared; a commit holds it exclusively, so it never captures half a write. */
    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();
    private final AtomicLong finishedWrites = new AtomicLong();
    /** How many finished writes the last commit covered; written under the exclusive lock. */
    private volatile long committedWrites;

    public ComparingH2Backend(MVStore mvStore) {
        super(mvStore);
        this.durable = mvStore.getFileStore() != null;
        if (durable) {
            mvStore.setAutoCommitDelay(0);
            mvStore.setRetentionTime(0);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return ComparingH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Every command of the MongoDB 5.x driver arrives here (OP_MSG); the legacy OP_QUERY path, which the driver uses
     * only for its handshake, is left as it is.
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        if (!durable || isRead(message.getDocument())) {
            return super.handleMessage(message);
        }
        long write;
        commits.readLock().lock();
        try {
            return super.handleMessage(message);
        } finally {
            // also after a failed write: a bulk write may have changed part of the store before it failed
            write = finishedWrites.incrementAndGet();
            commits.readLock().unlock();
            commitUpTo(write);
        }
    }

    private static boolean isRead(Document body) {
        String command = body.isEmpty() ? "" : body.keySet().iterator().next().toLowerCase(Locale.ROOT);
        if (!READS.contains(command)) {
            return false;
        }
        return !(body.get("pipeline") instanceof List<?> stages) || stages.stream().noneMatch(stage ->
                stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    private void commitUpTo(long write) {
        if (committedWrites >= write) {
            return; // another writer's commit covered this write
        }
        commits.writeLock().lock();
        try {
            if (committedWrites >= write) {
                return;
            }
            long finished = finishedWrites.get();
            if (getMvStore().hasUnsavedChanges()) {
                getMvStore().commit();
            }
            committedWrites = finished;
        } finally {
            commits.writeLock().unlock();
        }
    }
}
