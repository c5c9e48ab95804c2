package io.jangteo.query.member;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;

/**
 * Writes of member documents, each guarded by the version of the stream its event comes from: an event of the member
 * stream applies only when newer than {@code version}, one of the rewards stream only when newer than
 * {@code rewardsVersion}, so a replay or a redelivered batch gives the same document.
 * <p>
 * Two streams meet in one document, and with several tracking segments they are written by different threads, so
 * every write is a compare-and-set on {@code {_id, revision}}. The unique index on that pair is what lets the embedded
 * server (which ignores non-unique indexes) find the document by index instead of scanning the collection.
 */
final class MemberDocuments {

    enum Stream {
        MEMBER(MemberDocument.VERSION), REWARDS(MemberDocument.REWARDS_VERSION);

        private final String versionField;

        Stream(String versionField) {
            this.versionField = versionField;
        }
    }

    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> members;

    MemberDocuments(MongoCollection<Document> members) {
        this.members = members;
        members.createIndex(Indexes.ascending("_id", MemberDocument.REVISION),
                new IndexOptions().unique(true).name("id_revision"));
        // sparse: documents of rewards events that arrived before the registration have no position yet
        members.createIndex(Indexes.ascending(MemberDocument.POSITION),
                new IndexOptions().unique(true).sparse(true).name("position_unique"));
        // for a real MongoDB, which filtered member lists use; the embedded server ignores them and scans
        members.createIndex(Indexes.ascending(MemberDocument.STATUS, MemberDocument.POSITION),
                new IndexOptions().name("status_position"));
        members.createIndex(Indexes.ascending(MemberDocument.ROLE, MemberDocument.POSITION),
                new IndexOptions().name("role_position"));
        members.createIndex(Indexes.ascending(MemberDocument.GRADE, MemberDocument.POSITION),
                new IndexOptions().name("grade_position"));
    }

    Document find(String memberId) {
        return members.find(eq("_id", memberId)).first();
    }

    /**
     * Applies an event of {@code stream} with sequence number {@code sequence}.
     *
     * @param change      receives a copy of the current document (a blank one when there is none) and returns the new
     *                    one, or null when the event does not apply to it; versions and revision are set here
     * @param beforeWrite runs with the current and the new document just before the new one is written, for writes
     *                    elsewhere that must not be lost if this one is (they must be idempotent: a retry repeats them)
     * @return the stored document, or null when nothing changed
     */
    Document apply(String memberId, Stream stream, long sequence, UnaryOperator<Document> change,
                   BiConsumer<Document, Document> beforeWrite) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = find(memberId);
            Document base = current != null ? current : MemberDocument.blank(memberId);
            if (BsonValues.number(base, stream.versionField) >= sequence) {
                return null;
            }
            Document next = change.apply(new Document(base));
            if (next == null) {
                return null;
            }
            long revision = BsonValues.number(base, MemberDocument.REVISION);
            next.put("_id", memberId);
            next.put(stream.versionField, sequence);
            next.put(MemberDocument.REVISION, revision + 1);
            beforeWrite.accept(base, next);
            if (current == null) {
                if (inserted(next)) {
                    return next;
                }
            } else if (members.replaceOne(new Document("_id", memberId).append(MemberDocument.REVISION, revision),
                    next).getMatchedCount() == 1) {
                return next;
            }
        }
        throw new IllegalStateException("member document " + memberId + " kept changing; giving up");
    }

    private boolean inserted(Document document) {
        try {
            members.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false; // the other stream created it meanwhile: read it again
        }
    }

    void reset() {
        members.deleteMany(new Document());
    }
}
