package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with unique indexes that compare keys in memory. The stock backend stores index keys
 * with H2's generic object type, which compares two keys by Java-serializing both: every lookup by {@code _id} or any
 * unique key paid some twenty serializations, the largest single cost of a catalog page. Keys are still written to
 * disk as before; only the order in which the index keeps them differs, so a data directory written by the stock
 * backend must not be opened with this one (Jangteo has used this one from its first release).
 * <p>
 * It lives in mongo-java-server's package because the index class it reuses is package-private there.
 */
public final class ComparingH2Backend extends H2Backend {

    public ComparingH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return ComparingH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }
}
