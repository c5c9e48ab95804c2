package io.jangteo.query.history;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.query.shared.DomainEventFeed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

class ReplayedStateChangesTest {

    private static ScratchReadStore scratch;

    private PointInTime pointInTime;

    @BeforeAll
    static void startScratch() {
        scratch = new ScratchReadStore();
    }

    @AfterAll
    static void stopScratch() {
        scratch.close();
    }

    @BeforeEach
    void setUp() {
        pointInTime = new PointInTime(scratch, ErasedMembers.NONE);
    }

    @AfterEach
    void tearDown() {
        pointInTime.close();
    }

    @Test
    void anAggregateThatCannotBeRebuiltStillSaysWhatItsEventsCarriedAndLeavesNoScratchDatabase() {
        DomainEventMessage<?> event = DomainEventFeed.message("Broken", "b-1", 0, new Noted("b-1", 7), at(0));
        pointInTime.store(List.of(event));
        ReplayedStateChanges changes = new ReplayedStateChanges(pointInTime.eventStore(), scratch,
                List.of(new BrokenReplay()), ErasedMembers.NONE);

        Map<String, List<FieldChange>> changed = changes.changedBy(List.of(event));

        assertThat(changed.get(event.getIdentifier())).containsExactly(
                new FieldChange("id", null, "\"b-1\"", false), new FieldChange("count", null, "7", false));
        assertThat(scratch.openDatabases()).isZero();
    }

    @Test
    void anEventTheStoreDoesNotHoldChangedNothingKnown() {
        DomainEventMessage<?> stray = DomainEventFeed.message("Order", "o-9", 3, new Noted("o-9", 1), at(0));

        assertThat(pointInTime.changes().changedBy(List.of(stray))).containsExactly(
                Map.entry(stray.getIdentifier(), List.of()));
    }

    record Noted(String id, long count) {
    }

    /** Writes to its scratch database, then fails to read its state back. */
    static final class BrokenReplay implements StateReplay<Object> {

        @Override
        public Set<String> aggregateTypes() {
            return Set.of("Broken");
        }

        @Override
        public Object projection(MongoDatabase scratch) {
            scratch.getCollection("broken").insertOne(new Document("_id", "b-1"));
            return new Object();
        }

        @Override
        public Document read(MongoDatabase scratch, String stateId) {
            throw new IllegalStateException("unreadable");
        }

        @Override
        public Set<String> bookkeeping() {
            return Set.of();
        }

        @Override
        public Object view(Document state, Instant asOf) {
            return state;
        }
    }
}
