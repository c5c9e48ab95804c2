package io.jangteo.query.member;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.FindMemberHistoryQuery;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.FindMembersQuery;
import io.jangteo.messages.member.FindPointsLedgerQuery;
import io.jangteo.messages.member.MemberHistoryPage;
import io.jangteo.messages.member.MemberPage;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.PointsLedgerPage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Member reads: the directory and the points ledger from MongoDB, the history from the event store. Who may see which
 * member, and which of its fields, is the API's decision.
 */
@Component
class MemberQueryHandler {

    private final MemberDirectory directory;
    private final PointsLedger ledger;
    private final MemberHistory history;
    private final Supplier<Instant> now;

    @Autowired
    MemberQueryHandler(MongoDatabase database, MemberHistory history) {
        // the clock every aggregate reads, so whether a lock-out has ended is judged alike on both sides
        this(database, history, () -> GenericEventMessage.clock.instant());
    }

    MemberQueryHandler(MongoDatabase database, MemberHistory history, Supplier<Instant> now) {
        this.directory = new MemberDirectory(database);
        this.ledger = new PointsLedger(database);
        this.history = history;
        this.now = now;
    }

    @QueryHandler
    Optional<MemberView> find(FindMemberQuery query) {
        return directory.find(query.memberId().value(), now.get());
    }

    @QueryHandler
    MemberPage find(FindMembersQuery query) {
        return directory.page(query.filter(), query.first(), query.after(), now.get());
    }

    @QueryHandler
    PointsLedgerPage find(FindPointsLedgerQuery query) {
        return ledger.page(directory.document(query.memberId().value()), query.first(), query.after());
    }

    @QueryHandler
    MemberHistoryPage find(FindMemberHistoryQuery query) {
        return history.page(query.memberId(), query.first(), query.after());
    }
}
