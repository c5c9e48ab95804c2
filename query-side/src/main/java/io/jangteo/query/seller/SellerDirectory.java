package io.jangteo.query.seller;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.query.shared.ChangeCounters;
import io.jangteo.query.shared.ChangeCounters.Stamp;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * Every seller in memory, kept current with one counter lookup per use. Shops are few and read on every catalog page
 * (a product is visible to customers only while its shop is active), so a page must not cost a read per seller.
 * Several application nodes each hold their own copy; the counter in MongoDB keeps them all current.
 */
@Component
public final class SellerDirectory {

    public static final String COUNTER = SellerDirectoryProjection.PROCESSING_GROUP;

    private final MongoCollection<Document> sellers;
    private final ChangeCounters counters;
    private volatile Sellers current = Sellers.EMPTY;
    private final io.jangteo.query.shared.CoalescedRead<Stamp> stamp;

    public SellerDirectory(MongoDatabase database) {
        this.sellers = SellerDocument.collection(database);
        this.counters = new ChangeCounters(database);
        this.stamp = new io.jangteo.query.shared.CoalescedRead<>(() -> counters.read(COUNTER));
    }

    /** The directory as it is now: costs one lookup of the counter, and a read of what changed since last time. */
    public Sellers current() {
        return at(stamp.get());
    }

    /** The directory at least as recent as {@code stamp}, a stamp of {@link #COUNTER} the caller read itself. */
    public Sellers at(Stamp stamp) {
        Sellers snapshot = current;
        if (snapshot.isAtLeast(stamp)) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = current;
            if (!snapshot.isAtLeast(stamp)) {
                snapshot = refreshed(snapshot, stamp);
                current = snapshot;
            }
            return snapshot;
        }
    }

    private Sellers refreshed(Sellers snapshot, Stamp stamp) {
        boolean sameEpoch = snapshot.stamp().epoch() == stamp.epoch() && snapshot != Sellers.EMPTY;
        Map<String, Sellers.Listed> byId = sameEpoch ? new HashMap<>(snapshot.byId()) : new HashMap<>();
        Iterable<Document> changed = sameEpoch
                ? sellers.find(VersionedDocuments.changedBetween(snapshot.stamp().committed(), stamp.committed()))
                : sellers.find();
        for (Document document : changed) {
            SellerView view = SellerDocument.toView(document);
            byId.put(view.id(), new Sellers.Listed(SellerDocument.position(document), view));
        }
        List<Sellers.Listed> ordered = new ArrayList<>(byId.values());
        ordered.sort((a, b) -> Long.compare(a.position(), b.position()));
        return new Sellers(stamp, byId, ordered);
    }
}
