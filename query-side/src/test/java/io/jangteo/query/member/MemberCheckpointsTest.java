package io.jangteo.query.member;

import io.jangteo.query.history.ReplayStoresTest;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindMemberAsOfQuery;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.history.PointInTime;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static io.jangteo.query.member.MemberFixtures.entry;
import static io.jangteo.query.member.MemberFixtures.id;
import static io.jangteo.query.member.MemberFixtures.registered;
import static io.jangteo.query.member.MemberFixtures.rewards;
import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long member history rebuilt once leaves checkpoints that later audit pages and point-in-time reads resume from,
 * giving what a rebuild from the first event gives. Replayed events are counted, never timed; times are printed.
 */
class MemberCheckpointsTest extends ReplayStoresTest {


    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private MemberFeed feed;

    @BeforeEach
    void setUp() {
        feed = new MemberFeed(new MemberDirectoryProjection(readStore.freshDatabase(),
                SimpleQueryUpdateEmitter.builder().build(), () -> at(0)));
    }

    @Test
    void changesOfTheNewestEventsOfALongMemberAreWhatAFullRebuildGivesAndTheNextPageResumesFromACheckpoint() {
        history(2_000);
        List<DomainEventMessage<?>> all = feed.delivered();
        List<DomainEventMessage<?>> newest = all.subList(all.size() - 20, all.size());
        List<DomainEventMessage<?>> next = all.subList(all.size() - 40, all.size() - 20);
        try (PointInTime pointInTime = stored(ReplayedStateChangesBudget.DEFAULT)) {
            Map<String, List<FieldChange>> expected = fullRebuild(newest);
            double before = millis(() -> fullRebuild(newest));

            long replayed = pointInTime.replayedEvents();
            long started = System.nanoTime();
            Map<String, List<FieldChange>> first = pointInTime.changes().changedBy(newest);
            double firstCall = (System.nanoTime() - started) / 1e6;
            long firstReplayed = pointInTime.replayedEvents() - replayed;

            replayed = pointInTime.replayedEvents();
            started = System.nanoTime();
            Map<String, List<FieldChange>> second = pointInTime.changes().changedBy(newest);
            double secondCall = (System.nanoTime() - started) / 1e6;
            long secondReplayed = pointInTime.replayedEvents() - replayed;

            replayed = pointInTime.replayedEvents();
            started = System.nanoTime();
            Map<String, List<FieldChange>> nextPage = pointInTime.changes().changedBy(next);
            double nextCall = (System.nanoTime() - started) / 1e6;
            long nextReplayed = pointInTime.replayedEvents() - replayed;
            System.out.printf("[audit-changes] member of 2,000 events, changes of the newest 20: rebuilt from the first"
                            + " event %.1f ms; first call %.1f ms (%d events replayed); second call %.1f ms (%d);"
                            + " the 20 before them %.1f ms (%d); %d checkpoints kept%n", before, firstCall,
                    firstReplayed, secondCall, secondReplayed, nextCall, nextReplayed,
                    pointInTime.memberCheckpointsKept("m-1"));

            assertThat(first).isEqualTo(expected);
            DomainEventMessage<?> phoneChanged = newest.stream()
                    .filter(event -> event.getPayload() instanceof MemberPhoneChanged).findFirst().orElseThrow();
            assertThat(first.get(phoneChanged.getIdentifier())).as("the phone before it, from the replayed state")
                    .anyMatch(change -> change.field().equals("phone") && change.before() != null
                            && change.after() != null && !change.before().equals(change.after()));
            assertThat(second).isEqualTo(expected);
            assertThat(nextPage).isEqualTo(fullRebuild(next));
            assertThat(firstReplayed).isEqualTo(2_000);
            assertThat(pointInTime.memberCheckpointsKept("m-1")).isEqualTo(2_000 / PointInTime.checkpointEvery());
            assertThat(secondReplayed).as("resumed from the checkpoint before the page")
                    .isLessThan(PointInTime.checkpointEvery() + 20);
            assertThat(nextReplayed).isLessThan(PointInTime.checkpointEvery() + 40);
            assertThat(scratch.openDatabases()).as("scratch databases left behind").isZero();
        }
    }

    @Test
    void anInstantInTheMiddleResumesFromTheNearestCheckpointAndIsWhatAFullRebuildGives() {
        history(2_000);
        try (PointInTime pointInTime = stored(ReplayedStateChangesBudget.DEFAULT)) {
            Instant middle = at(1_000).plusSeconds(30);
            Optional<MemberView> expected = fullRebuild(middle);
            double before = millis(() -> fullRebuild(middle));
            asOf(pointInTime, feed.now());

            long replayed = pointInTime.replayedEvents();
            long started = System.nanoTime();
            Optional<MemberView> resumed = asOf(pointInTime, middle);
            double after = (System.nanoTime() - started) / 1e6;
            long resumedReplayed = pointInTime.replayedEvents() - replayed;
            System.out.printf("[pit-checkpoint] member of 2,000 events as of the middle: rebuilt from the first event"
                    + " %.1f ms; after a full rebuild to the end %.1f ms (%d events replayed)%n", before, after,
                    resumedReplayed);

            assertThat(resumed).isEqualTo(expected).isPresent();
            assertThat(resumedReplayed).as("from checkpoint 768 to event 1,001").isEqualTo(1_001 - 768);
            assertThat(asOf(pointInTime, at(100).plusSeconds(30))).isEqualTo(fullRebuild(at(100).plusSeconds(30)));
            assertThat(asOf(pointInTime, feed.now())).isEqualTo(fullRebuild(feed.now()));
        }
    }

    @Test
    void pastTheReplayBudgetTheChangesSayWhatTheEventsCarriedAndNothingFails() {
        history(600);
        List<DomainEventMessage<?>> all = feed.delivered();
        List<DomainEventMessage<?>> newest = all.subList(all.size() - 4, all.size());
        try (PointInTime pointInTime = stored(500)) {
            long replayed = pointInTime.replayedEvents();
            Map<String, List<FieldChange>> approximated = pointInTime.changes().changedBy(newest);

            assertThat(pointInTime.replayedEvents()).as("nothing replayed").isEqualTo(replayed);
            DomainEventMessage<?> phoneChanged = newest.stream()
                    .filter(event -> event.getPayload() instanceof MemberPhoneChanged).findFirst().orElseThrow();
            assertThat(approximated.get(phoneChanged.getIdentifier())).contains(new FieldChange("phone", null,
                    "\"" + ((MemberPhoneChanged) phoneChanged.getPayload()).phone() + "\"", false));
            assertThat(approximated.keySet()).containsExactlyElementsOf(
                    newest.stream().map(DomainEventMessage::getIdentifier).toList());

            asOf(pointInTime, feed.now());
            assertThat(pointInTime.changes().changedBy(newest)).as("within the budget from a checkpoint")
                    .isEqualTo(fullRebuild(newest));

            erased.add("m-1");
            assertThat(pointInTime.changes().changedBy(newest).get(phoneChanged.getIdentifier()))
                    .as("an erased member's approximated phone").contains(new FieldChange("phone", null, null, true));
        }
    }

    @Test
    void anErasedMemberIsNeverServedFromACheckpoint() {
        history(600);
        List<DomainEventMessage<?>> all = feed.delivered();
        List<DomainEventMessage<?>> newest = all.subList(all.size() - 4, all.size());
        try (PointInTime pointInTime = stored(ReplayedStateChangesBudget.DEFAULT)) {
            asOf(pointInTime, feed.now());
            assertThat(pointInTime.memberCheckpointsKept("m-1")).isEqualTo(2);

            erased.add("m-1");
            long replayed = pointInTime.replayedEvents();
            Map<String, List<FieldChange>> changes = pointInTime.changes().changedBy(newest);

            assertThat(pointInTime.replayedEvents() - replayed).as("rebuilt from the first event").isEqualTo(600);
            assertThat(changes).isEqualTo(fullRebuild(newest));
            assertThat(changes.values()).flatExtracting(list -> list).anyMatch(FieldChange::erased);
            assertThat(pointInTime.keepsStateOf("m-1")).as("checkpoints dropped, none kept").isFalse();
            Instant middle = at(300).plusSeconds(30);
            assertThat(asOf(pointInTime, middle)).isEqualTo(fullRebuild(middle));
            assertThat(pointInTime.keepsStateOf("m-1")).isFalse();
            assertThat(pointInTime.memberCheckpointsKept("m-1")).isZero();
        }
    }

    /** Budget values, named so the tests read as sentences. */
    private static final class ReplayedStateChangesBudget {
        static final int DEFAULT = 5_000;
    }

    /** A member of {@code events} events across both streams, one a minute. */
    private void history(int events) {
        feed.member("m-1", registered("m-1"));
        for (int i = 1; i < events; i++) {
            switch (i % 4) {
                case 0 -> feed.member("m-1", new LoginSucceeded(id("m-1")));
                case 1 -> feed.rewards("m-1", new PurchaseRecorded(rewards("m-1"), id("m-1"), "o-" + i,
                        Money.won(10_000)));
                case 2 -> feed.member("m-1", new MemberPhoneChanged(id("m-1"), "010-0000-" + (1000 + i), null));
                default -> feed.rewards("m-1", new PointsEarned(rewards("m-1"), id("m-1"), entry("e-" + i), 100,
                        "o-1", "BASIC", 10, at(1), at(100_000)));
            }
        }
    }

    private PointInTime stored(int replayBudget) {
        PointInTime pointInTime = new PointInTime(scratch, erased::contains, replayBudget);
        pointInTime.store(feed.delivered());
        return pointInTime;
    }

    private static Optional<MemberView> asOf(PointInTime pointInTime, Instant instant) {
        return pointInTime.queries().find(new FindMemberAsOfQuery(id("m-1"), AsOf.of(instant)));
    }

    /** With nothing kept: changes of their own over the same events. */
    private Map<String, List<FieldChange>> fullRebuild(List<DomainEventMessage<?>> page) {
        try (PointInTime fresh = stored(ReplayedStateChangesBudget.DEFAULT)) {
            return fresh.changes().changedBy(page);
        }
    }

    private Optional<MemberView> fullRebuild(Instant instant) {
        try (PointInTime fresh = stored(ReplayedStateChangesBudget.DEFAULT)) {
            return asOf(fresh, instant);
        }
    }

    private static double millis(Supplier<?> work) {
        long started = System.nanoTime();
        work.get();
        return (System.nanoTime() - started) / 1e6;
    }
}
