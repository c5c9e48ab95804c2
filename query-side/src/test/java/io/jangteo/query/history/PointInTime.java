package io.jangteo.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.query.cart.CartStateReplay;
import io.jangteo.query.catalog.ProductStateReplay;
import io.jangteo.query.coupon.CouponStateReplay;
import io.jangteo.query.member.MemberStateReplay;
import io.jangteo.query.order.OrderStateReplay;
import io.jangteo.query.seller.SellerStateReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.util.List;

/**
 * Point-in-time reads over an in-memory event store, wired as in the application, for the tests of each read model:
 * they feed their live projection, store the same messages here and compare.
 */
public final class PointInTime implements AutoCloseable {

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final ScratchReadStore scratch;
    private final PointInTimeQueries queries;
    private final ReplayedStateChanges changes;

    private final RebuiltStates rebuilt = new RebuiltStates();

    public PointInTime(ScratchReadStore scratch, ErasedMembers erasedMembers) {
        this(scratch, erasedMembers, ReplayedStateChanges.REPLAY_BUDGET);
    }

    /** With the audit log's changes replaying at most {@code replayBudget} events of an aggregate per call. */
    public PointInTime(ScratchReadStore scratch, ErasedMembers erasedMembers, int replayBudget) {
        this.scratch = scratch;
        List<StateReplay<?>> replays = List.of(new OrderStateReplay(), new MemberStateReplay(),
                new ProductStateReplay(), new SellerStateReplay(), new CouponStateReplay(), new CartStateReplay());
        this.queries = new PointInTimeQueries(eventStore, scratch, replays, erasedMembers, new ObjectMapper(), rebuilt);
        this.changes = new ReplayedStateChanges(eventStore, scratch, replays, erasedMembers, rebuilt, replayBudget);
    }

    /** How many events the point-in-time queries and the changes fed through projections so far. */
    public long replayedEvents() {
        return queries.replayedEvents() + changes.replayedEvents();
    }

    /** How many checkpoints of {@code memberId}'s state are kept. */
    public int memberCheckpointsKept(String memberId) {
        return rebuilt.checkpoints(new RebuiltStates.Key(MemberStateReplay.class.getName(), memberId));
    }

    public static int checkpointEvery() {
        return RebuiltStates.CHECKPOINT_EVERY;
    }

    public void store(List<? extends DomainEventMessage<?>> messages) {
        eventStore.publish(messages);
    }

    public EmbeddedEventStore eventStore() {
        return eventStore;
    }

    public PointInTimeQueries queries() {
        return queries;
    }

    public ReplayedStateChanges changes() {
        return changes;
    }

    /** How many rebuilt states the point-in-time queries keep now. */
    public int rebuiltStatesKept() {
        return queries.rebuiltStates().size();
    }

    /** Whether a kept rebuilt state holds {@code memberId}'s personal data. */
    public boolean keepsStateOf(String memberId) {
        return queries.rebuiltStates().holdsSubject(memberId);
    }

    public ScratchReadStore scratch() {
        return scratch;
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}
