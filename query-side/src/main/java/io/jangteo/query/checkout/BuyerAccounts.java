package io.jangteo.query.checkout;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.jangteo.messages.member.MemberId;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * What a quote needs of its buyer, read by {@code _id} from the member directory's {@code members} collection
 * (query.member keeps its reader to itself; its documents are the contract here, held by a test that feeds the real
 * projection): the grade and the points available to spend. Someone not registered (yet) or withdrawn has neither.
 */
final class BuyerAccounts {

    /** Field names of query.member's member documents. */
    static final String COLLECTION = "members";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String GRADE = "grade";
    static final String POINTS_AVAILABLE = "points.available";
    private static final String WITHDRAWN = "WITHDRAWN";

    record Buyer(String grade, long pointsAvailable) {
        static final Buyer NONE = new Buyer(null, 0);
    }

    private final MongoCollection<Document> members;

    BuyerAccounts(MongoDatabase database) {
        this.members = database.getCollection(COLLECTION);
    }

    Buyer find(MemberId memberId) {
        Document document = members.find(eq("_id", memberId.value()))
                .projection(Projections.include(VERSION, STATUS, GRADE, POINTS_AVAILABLE))
                .first();
        // version -1: only rewards events arrived so far, the registration not yet
        if (document == null || BsonValues.number(document, VERSION) < 0
                || WITHDRAWN.equals(document.getString(STATUS))) {
            return Buyer.NONE;
        }
        Document points = document.get("points", Document.class);
        return new Buyer(document.getString(GRADE), points == null ? 0 : BsonValues.number(points, "available"));
    }
}
