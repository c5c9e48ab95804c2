package io.jangteo.query.member;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.query.history.StateReplay;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * A member at an instant, made by {@link MemberDirectoryProjection} itself from both their streams, as the live
 * processing group merges them; whether a lock-out was in force is judged at that instant.
 */
@Component
public final class MemberStateReplay implements StateReplay<MemberView> {

    private static final String REWARDS_PREFIX = RewardsId.of(MemberId.of("x")).value().replace("x", "");
    private static final Set<String> BOOKKEEPING = Set.of(MemberDocument.REVISION, MemberDocument.VERSION,
            MemberDocument.REWARDS_VERSION, MemberDocument.POSITION, MemberDocument.LEDGER_ENTRIES,
            VersionedDocuments.CHANGE_SEQ);
    // the payload names too (an address book entry's "address"), so an erased event still says what it carried
    private static final Set<String> PERSONAL = Set.of(MemberDocument.EMAIL, MemberDocument.NAME,
            MemberDocument.PHONE, MemberDocument.ADDRESSES, MemberDocument.ADDRESS, MemberDocument.IDENTITY,
            MemberDocument.PAYMENT_METHODS);

    @Override
    public Set<String> aggregateTypes() {
        return Set.of("Member", "Rewards");
    }

    @Override
    public String stateId(String streamId) {
        return streamId.startsWith(REWARDS_PREFIX) ? new RewardsId(streamId).memberId().value() : streamId;
    }

    @Override
    public List<String> streams(String stateId) {
        return List.of(stateId, RewardsId.of(MemberId.of(stateId)).value());
    }

    @Override
    public Object projection(MongoDatabase scratch) {
        return new MemberDirectoryProjection(scratch, NOWHERE);
    }

    /** Rewards that came before the registration make no member yet, as in the live directory. */
    @Override
    public Document read(MongoDatabase scratch, String stateId) {
        Document document = MemberDocument.collection(scratch).find(eq("_id", stateId)).first();
        return MemberDocument.isRegistered(document) ? document : null;
    }

    @Override
    public Set<String> bookkeeping() {
        return BOOKKEEPING;
    }

    @Override
    public Set<String> personalFields() {
        return PERSONAL;
    }

    @Override
    public String dataSubject(String stateId, Document state) {
        return stateId;
    }

    @Override
    public MemberView view(Document state, Instant asOf) {
        return MemberDocument.toView(state, asOf);
    }
}
