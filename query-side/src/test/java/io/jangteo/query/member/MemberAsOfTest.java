package io.jangteo.query.member;

import io.jangteo.query.history.ReplayStoresTest;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.ChangesView;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindChangesQuery;
import io.jangteo.messages.audit.FindMemberAsOfQuery;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.member.MemberStatus;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.MemberWithdrawn;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.jangteo.query.member.MemberFixtures.HOME;
import static io.jangteo.query.member.MemberFixtures.addressAdded;
import static io.jangteo.query.member.MemberFixtures.entry;
import static io.jangteo.query.member.MemberFixtures.erased;
import static io.jangteo.query.member.MemberFixtures.id;
import static io.jangteo.query.member.MemberFixtures.registered;
import static io.jangteo.query.member.MemberFixtures.rewards;
import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

class MemberAsOfTest extends ReplayStoresTest {


    private final AtomicReference<Instant> clock = new AtomicReference<>(at(0));
    private MongoDatabase database;
    private PointInTime pointInTime;
    private MemberFeed feed;
    private MemberQueryHandler live;

    @BeforeEach
    void setUp() {
        database = readStore.freshDatabase();
        pointInTime = new PointInTime(scratch, new WithdrawnMembers(database));
        feed = new MemberFeed(new MemberDirectoryProjection(database, SimpleQueryUpdateEmitter.builder().build(),
                clock::get));
        live = new MemberQueryHandler(database, null, clock::get);
    }

    @AfterEach
    void tearDown() {
        pointInTime.close();
    }

    @Test
    void theMemberAsOfAnInstantIsWhatTheLiveDirectoryShowedThenFromBothStreamsMergedByTime() {
        List<Runnable> life = List.of(
                () -> feed.member("m-1", registered("m-1")),
                () -> feed.rewards("m-1", new PurchaseRecorded(rewards("m-1"), id("m-1"), "o-1", Money.won(120_000))),
                () -> feed.member("m-1", new MemberNameChanged(id("m-1"), "이회원", null)),
                () -> feed.rewards("m-1", earned("m-1", "e-1", 1_200)),
                () -> feed.member("m-1", addressAdded("m-1", "a-1", HOME, true)),
                () -> feed.member("m-1", new AccountLocked(id("m-1"), at(5).plusSeconds(600), 5)),
                () -> feed.rewards("m-1", new MemberGradeChanged(rewards("m-1"), id("m-1"), null, "GOLD",
                        "GOLD: purchases", Money.won(120_000), at(6), null)),
                () -> feed.member("m-1", new LoginSucceeded(id("m-1"))));
        List<MemberView> shown = new ArrayList<>();
        for (int n = 0; n < life.size(); n++) {
            life.get(n).run();
            clock.set(at(n).plusSeconds(30));
            shown.add(live.find(new FindMemberQuery(id("m-1"))).orElseThrow());
        }
        pointInTime.store(feed.delivered());

        for (int n = 0; n < life.size(); n++) {
            assertThat(asOf("m-1", at(n).plusSeconds(30))).as("after %d events", n + 1).contains(shown.get(n));
        }
        assertThat(shown.get(5).status()).as("locked then").isEqualTo(MemberStatus.LOCKED);
        assertThat(shown.get(3).points()).isEqualTo(asOf("m-1", at(3).plusSeconds(30)).orElseThrow().points());
        assertThat(shown.get(7)).extracting(MemberView::grade, MemberView::version, MemberView::rewardsVersion)
                .containsExactly("GOLD", 4L, 2L);
    }

    @Test
    void beforeTheRegistrationThereIsNoMemberEvenWithRewardsAlready() {
        feed.rewards("m-1", new PurchaseRecorded(rewards("m-1"), id("m-1"), "o-1", Money.won(10_000)));
        feed.member("m-1", registered("m-1"));
        pointInTime.store(feed.delivered());

        assertThat(asOf("m-1", at(0).minusSeconds(1))).isEmpty();
        assertThat(asOf("m-1", at(0).plusSeconds(30))).isEmpty();
        assertThat(asOf("m-1", at(1))).isPresent();
    }

    @Test
    void changesBetweenTwoInstantsNameTheProfileAndPointsFieldsThatDiffer() {
        feed.member("m-1", registered("m-1"));
        feed.member("m-1", new MemberNameChanged(id("m-1"), "이회원", null));
        feed.rewards("m-1", earned("m-1", "e-1", 1_200));
        feed.member("m-1", new MemberPhoneChanged(id("m-1"), "010-2222-3333", null));
        feed.member("m-1", new LoginSucceeded(id("m-1")));
        pointInTime.store(feed.delivered());

        ChangesView changes = pointInTime.queries().find(new FindChangesQuery("m-1", at(0), at(3))).orElseThrow();

        assertThat(changes).extracting(ChangesView::aggregateType, ChangesView::fromVersion, ChangesView::toVersion,
                ChangesView::eventCount).containsExactly("Member", 0L, 2L, 3);
        assertThat(changes.changes()).contains(
                new FieldChange("name", "\"김회원\"", "\"이회원\"", false),
                new FieldChange("phone", "\"010-0000-0000\"", "\"010-2222-3333\"", false),
                new FieldChange("earnings[0].entryId", null, "\"e-1\"", false));
        assertThat(changes.changes()).extracting(FieldChange::field)
                .allMatch(field -> field.equals("name") || field.equals("phone") || field.startsWith("earnings")
                        || field.startsWith("points"))
                .anyMatch(field -> field.startsWith("points."));
    }

    @Test
    void aPageOfEventsFromBothStreamsGetsWhatEachEventChanged() {
        feed.member("m-1", registered("m-1"));
        feed.rewards("m-1", new PurchaseRecorded(rewards("m-1"), id("m-1"), "o-1", Money.won(10_000)));
        feed.member("m-1", new MemberPhoneChanged(id("m-1"), "010-2222-3333", null));
        feed.member("m-1", new LoginSucceeded(id("m-1")));
        feed.member("m-2", registered("m-2"));
        pointInTime.store(feed.delivered());
        List<DomainEventMessage<?>> stored = feed.delivered();

        Map<String, List<FieldChange>> changes = pointInTime.changes().changedBy(
                List.of(stored.get(3), stored.get(2), stored.get(1), stored.get(4)));

        assertThat(changes).containsOnlyKeys(stored.get(1).getIdentifier(), stored.get(2).getIdentifier(),
                stored.get(3).getIdentifier(), stored.get(4).getIdentifier());
        assertThat(changes.get(stored.get(2).getIdentifier())).containsExactly(
                new FieldChange("phone", "\"010-0000-0000\"", "\"010-2222-3333\"", false));
        assertThat(changes.get(stored.get(1).getIdentifier())).as("a purchase changes nothing shown").isEmpty();
        assertThat(changes.get(stored.get(3).getIdentifier())).as("neither does a login").isEmpty();
        assertThat(changes.get(stored.get(4).getIdentifier()))
                .contains(new FieldChange("email", null, "\"m-2@example.kr\"", false))
                .extracting(FieldChange::before).containsOnlyNulls();
    }

    @Test
    void anErasedMembersPersonalChangesComeOutErasedAndTheRestStays() {
        feed.member("m-1", erased(registered("m-1")));
        feed.member("m-1", erased(new MemberPhoneChanged(id("m-1"), "010-2222-3333", "번호 변경")));
        feed.member("m-1", erased(addressAdded("m-1", "a-1", HOME, true)));
        feed.member("m-1", new MemberWithdrawn(id("m-1"), "탈퇴"));
        pointInTime.store(feed.delivered());
        List<DomainEventMessage<?>> stored = feed.delivered();

        Map<String, List<FieldChange>> changes = pointInTime.changes().changedBy(stored);

        assertThat(changes.get(stored.get(1).getIdentifier()))
                .containsExactly(new FieldChange("phone", null, null, true));
        assertThat(changes.get(stored.get(2).getIdentifier())).filteredOn(change -> !change.erased())
                .isEmpty();
        assertThat(changes.get(stored.get(2).getIdentifier())).extracting(FieldChange::field)
                .contains("addresses[0].addressId", "addresses[0].isDefault", "address");
        assertThat(changes.get(stored.get(0).getIdentifier()))
                .contains(new FieldChange("email", null, null, true), new FieldChange("name", null, null, true),
                        new FieldChange("phone", null, null, true), new FieldChange("status", null, "\"ACTIVE\"",
                                false));
        assertThat(changes.get(stored.get(3).getIdentifier()))
                .contains(new FieldChange("status", "\"ACTIVE\"", "\"WITHDRAWN\"", false))
                .noneMatch(change -> change.erased() && (change.before() != null || change.after() != null));
    }

    @Test
    void aMemberWhoIsNotErasedHasNoErasedChanges() {
        feed.member("m-1", registered("m-1"));
        feed.member("m-1", new MemberPhoneChanged(id("m-1"), null, "번호 삭제"));
        pointInTime.store(feed.delivered());

        assertThat(pointInTime.changes().changedBy(feed.delivered()).values())
                .allSatisfy(changes -> assertThat(changes).noneMatch(FieldChange::erased));
    }

    @Test
    void rebuildsAMemberWithTwoThousandEvents() {
        feed.member("m-1", registered("m-1"));
        for (int i = 1; i < 2_000; i++) {
            switch (i % 4) {
                case 0 -> feed.member("m-1", new LoginSucceeded(id("m-1")));
                case 1 -> feed.rewards("m-1", new PurchaseRecorded(rewards("m-1"), id("m-1"), "o-" + i,
                        Money.won(10_000)));
                case 2 -> feed.member("m-1", new MemberPhoneChanged(id("m-1"), "010-0000-" + (1000 + i), null));
                default -> feed.rewards("m-1", earned("m-1", "e-" + i, 100));
            }
        }
        clock.set(at(2_000));
        MemberView liveView = live.find(new FindMemberQuery(id("m-1"))).orElseThrow();
        pointInTime.store(feed.delivered());

        long started = System.nanoTime();
        Optional<MemberView> rebuilt = asOf("m-1", at(2_000));
        double first = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            asOf("m-1", at(2_000));
        }
        double warm = (System.nanoTime() - started) / 1e6 / 3;
        started = System.nanoTime();
        pointInTime.changes().changedBy(feed.delivered().subList(1_980, 2_000));
        double page = (System.nanoTime() - started) / 1e6;
        System.out.printf("[pit] member of 2,000 events (1,000 member, 1,000 rewards) as of an instant: %.0f ms cold,"
                + " %.0f ms warm (mean of 3); changes of the newest 20 in one call: %.0f ms%n", first, warm, page);

        assertThat(rebuilt).contains(liveView);
        assertThat(scratch.openDatabases()).as("scratch databases left behind").isZero();
    }

    private Optional<MemberView> asOf(String memberId, Instant instant) {
        return pointInTime.queries().find(new FindMemberAsOfQuery(id(memberId), AsOf.of(instant)));
    }

    private static PointsEarned earned(String memberId, String entryId, long points) {
        return new PointsEarned(rewards(memberId), id(memberId), entry(entryId), points, "o-1", "BASIC", 10,
                at(1), at(100_000));
    }
}
