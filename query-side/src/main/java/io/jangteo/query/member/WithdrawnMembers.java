package io.jangteo.query.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.jangteo.query.history.ErasedMembers;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.eq;

/**
 * A withdrawal destroys the member's key, so the live directory's status is the one fact history needs from a read
 * model: whose erased values are erased, rather than never given.
 */
@Component
public final class WithdrawnMembers implements ErasedMembers {

    private final MongoCollection<Document> members;

    public WithdrawnMembers(MongoDatabase database) {
        this.members = MemberDocument.collection(database);
    }

    @Override
    public boolean isErased(String memberId) {
        Document member = members.find(eq("_id", memberId)).projection(Projections.include(MemberDocument.STATUS))
                .first();
        return member != null && MemberDocument.WITHDRAWN.equals(member.getString(MemberDocument.STATUS));
    }
}
