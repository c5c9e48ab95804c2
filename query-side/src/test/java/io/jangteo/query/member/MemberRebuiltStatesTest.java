package io.jangteo.query.member;

import io.jangteo.query.history.ReplayStoresTest;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FindMemberAsOfQuery;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.rewards.MemberGradeChanged;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static io.jangteo.query.member.MemberFixtures.HOME;
import static io.jangteo.query.member.MemberFixtures.addressAdded;
import static io.jangteo.query.member.MemberFixtures.entry;
import static io.jangteo.query.member.MemberFixtures.id;
import static io.jangteo.query.member.MemberFixtures.registered;
import static io.jangteo.query.member.MemberFixtures.rewards;
import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

/** Member states kept from earlier rebuilds give what a rebuild from the first event gives. */
class MemberRebuiltStatesTest extends ReplayStoresTest {


    private final AtomicReference<Instant> clock = new AtomicReference<>(at(0));
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private PointInTime pointInTime;
    private MemberFeed feed;
    private MemberQueryHandler live;
    private int stored;

    @BeforeEach
    void setUp() {
        var database = readStore.freshDatabase();
        pointInTime = new PointInTime(scratch, erased::contains);
        feed = new MemberFeed(new MemberDirectoryProjection(database, SimpleQueryUpdateEmitter.builder().build(),
                clock::get));
        live = new MemberQueryHandler(database, null, clock::get);
    }

    @AfterEach
    void tearDown() {
        pointInTime.close();
    }

    @Test
    void anInstantAfterAKeptStateThatThenGotMoreEventsIsWhatAFullRebuildGives() {
        life("m-1", 0);
        store();
        Instant firstEnd = feed.now();
        assertThat(asOf("m-1", firstEnd)).isEqualTo(fullRebuild("m-1", firstEnd)).isPresent();
        assertThat(pointInTime.rebuiltStatesKept()).isEqualTo(1);

        life("m-1", 100);
        store();
        for (Instant instant = firstEnd; !instant.isAfter(feed.now()); instant = instant.plusSeconds(30)) {
            assertThat(asOf("m-1", instant)).as("as of %s", instant).isEqualTo(fullRebuild("m-1", instant));
        }
        clock.set(feed.now());
        assertThat(asOf("m-1", feed.now())).contains(live.find(new FindMemberQuery(id("m-1"))).orElseThrow());
        assertThat(scratch.openDatabases()).as("scratch databases left behind").isZero();
    }

    @Test
    void anInstantBeforeTheKeptStateIsStillRight() {
        life("m-1", 0);
        life("m-1", 100);
        store();
        Instant end = feed.now();
        assertThat(asOf("m-1", end)).isEqualTo(fullRebuild("m-1", end));

        for (Instant instant = at(0).minusSeconds(30); instant.isBefore(end); instant = instant.plusSeconds(30)) {
            assertThat(asOf("m-1", instant)).as("as of %s", instant).isEqualTo(fullRebuild("m-1", instant));
        }
        assertThat(asOf("m-1", end)).as("and the newest again").isEqualTo(fullRebuild("m-1", end));
    }

    @Test
    void anErasedMemberIsNeverServedFromAKeptStateAndTheirStatesAreDropped() {
        life("m-1", 0);
        life("m-2", 200);
        store();
        Instant end = feed.now();
        asOf("m-1", end);
        asOf("m-2", end);
        assertThat(pointInTime.keepsStateOf("m-1")).isTrue();
        assertThat(pointInTime.keepsStateOf("m-2")).isTrue();

        erased.add("m-1");

        assertThat(asOf("m-1", end)).isEqualTo(fullRebuild("m-1", end));
        assertThat(pointInTime.keepsStateOf("m-1")).as("dropped on the first read after the erasure").isFalse();
        assertThat(asOf("m-1", end.plusSeconds(60))).isEqualTo(fullRebuild("m-1", end.plusSeconds(60)));
        assertThat(pointInTime.keepsStateOf("m-1")).as("and never kept again").isFalse();
        assertThat(asOf("m-2", end)).isEqualTo(fullRebuild("m-2", end));
        assertThat(pointInTime.keepsStateOf("m-2")).as("other members stay").isTrue();
    }

    @Test
    void concurrentRequestsForTheSameMemberAreSafe() throws Exception {
        life("m-1", 0);
        life("m-1", 100);
        life("m-1", 200);
        store();
        List<Instant> instants = new ArrayList<>();
        for (Instant instant = at(0); !instant.isAfter(feed.now()); instant = instant.plusSeconds(90)) {
            instants.add(instant);
        }
        List<Optional<MemberView>> expected = instants.stream().map(instant -> fullRebuild("m-1", instant)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                done.add(threads.submit(() -> {
                    for (int r = 0; r < 3 * instants.size(); r++) {
                        int i = (offset * 7 + r * (offset % 2 == 0 ? 1 : instants.size() - 1)) % instants.size();
                        assertThat(asOf("m-1", instants.get(i))).as("as of %s", instants.get(i))
                                .isEqualTo(expected.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(scratch.openDatabases()).as("scratch databases left behind").isZero();
    }

    @Test
    void measuresAMemberWithTwoThousandEventsRepeatedAndAfterTenMore() {
        feed.member("m-1", registered("m-1"));
        for (int i = 1; i < 2_000; i++) {
            next(i);
        }
        store();
        Instant end = feed.now().minusSeconds(1);
        Optional<MemberView> expected = fullRebuild("m-1", end);

        double full = 0;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            fullRebuild("m-1", end);
            full += (System.nanoTime() - started) / 1e6 / 3;
        }
        long started = System.nanoTime();
        Optional<MemberView> first = asOf("m-1", end);
        double cold = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            asOf("m-1", end);
        }
        double repeated = (System.nanoTime() - started) / 1e6 / 10;
        for (int i = 2_000; i < 2_010; i++) {
            next(i);
        }
        store();
        started = System.nanoTime();
        Optional<MemberView> after = asOf("m-1", feed.now());
        double resumed = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        asOf("m-1", at(1_000));
        double earlier = (System.nanoTime() - started) / 1e6;
        System.out.printf("[pit-cache] member of 2,000 events as of an instant: full rebuild %.1f ms (mean of 3);"
                        + " first with the cache %.1f ms; repeated %.2f ms (mean of 10); after 10 more events %.1f ms;"
                        + " an earlier instant %.1f ms%n", full, cold, repeated, resumed, earlier);

        assertThat(first).isEqualTo(expected).isPresent();
        assertThat(after).isEqualTo(fullRebuild("m-1", feed.now()));
        clock.set(feed.now());
        assertThat(after).contains(live.find(new FindMemberQuery(id("m-1"))).orElseThrow());
    }

    private void next(int i) {
        switch (i % 4) {
            case 0 -> feed.member("m-1", new LoginSucceeded(id("m-1")));
            case 1 -> feed.rewards("m-1", new PurchaseRecorded(rewards("m-1"), id("m-1"), "o-" + i,
                    Money.won(10_000)));
            case 2 -> feed.member("m-1", new MemberPhoneChanged(id("m-1"), "010-0000-" + (1000 + i), null));
            default -> feed.rewards("m-1", earned("m-1", "e-" + i, 100));
        }
    }

    /** A member's life in a few events of both streams; {@code n} keeps ids apart. */
    private void life(String memberId, int n) {
        if (n == 0 || memberId.equals("m-2")) {
            feed.rewards(memberId, new PurchaseRecorded(rewards(memberId), id(memberId), "o-" + n,
                    Money.won(120_000)));
            feed.member(memberId, registered(memberId));
        }
        feed.member(memberId, new MemberNameChanged(id(memberId), "이회원" + n, null));
        feed.rewards(memberId, earned(memberId, "e-" + n, 1_200));
        feed.member(memberId, addressAdded(memberId, "a-" + n, HOME, n == 0));
        feed.member(memberId, new AccountLocked(id(memberId), feed.now().plusSeconds(600), 5));
        feed.rewards(memberId, new MemberGradeChanged(rewards(memberId), id(memberId), null, "GOLD" + n,
                "GOLD: purchases", Money.won(120_000), feed.now(), null));
        feed.rewards(memberId, earned(memberId, "e-" + n + "b", 300));
        feed.member(memberId, new LoginSucceeded(id(memberId)));
        feed.member(memberId, new MemberPhoneChanged(id(memberId), "010-1111-" + (1000 + n), null));
    }

    /** Stores what was delivered since the last call. */
    private void store() {
        List<DomainEventMessage<?>> delivered = feed.delivered();
        pointInTime.store(delivered.subList(stored, delivered.size()));
        stored = delivered.size();
    }

    private Optional<MemberView> asOf(String memberId, Instant instant) {
        return pointInTime.queries().find(new FindMemberAsOfQuery(id(memberId), AsOf.of(instant)));
    }

    /** With nothing kept: a point-in-time query of its own over the same events. */
    private Optional<MemberView> fullRebuild(String memberId, Instant instant) {
        PointInTime fresh = new PointInTime(scratch, erased::contains);
        try {
            fresh.store(feed.delivered().subList(0, stored));
            return fresh.queries().find(new FindMemberAsOfQuery(id(memberId), AsOf.of(instant)));
        } finally {
            fresh.close();
        }
    }

    private static PointsEarned earned(String memberId, String entryId, long points) {
        return new PointsEarned(rewards(memberId), id(memberId), entry(entryId), points, "o-1", "BASIC", 10,
                at(1), at(100_000));
    }
}
