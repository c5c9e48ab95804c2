package io.jangteo.query.member;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.FindPointsLedgerQuery;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.PointsBalance;
import io.jangteo.messages.member.PointsLedgerEntryView;
import io.jangteo.messages.member.PointsLedgerPage;
import io.jangteo.messages.member.PointsMovement;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PointsAllocation;
import io.jangteo.messages.rewards.PointsBecameAvailable;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsExpired;
import io.jangteo.messages.rewards.PointsRefunded;
import io.jangteo.messages.rewards.PointsSpent;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.RewardsClosed;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.EmbeddedReadStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.jangteo.query.member.MemberFeed.at;
import static io.jangteo.query.member.MemberFixtures.entry;
import static io.jangteo.query.member.MemberFixtures.id;
import static io.jangteo.query.member.MemberFixtures.registered;
import static io.jangteo.query.member.MemberFixtures.rewards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class MemberPointsTest {

    private static final String M = "m-1";
    private static final Instant IN_200_DAYS = at(0).plusSeconds(200L * 86_400);
    private static final Instant IN_365_DAYS = at(0).plusSeconds(365L * 86_400);

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private MemberDirectoryProjection projection;
    private MemberFeed feed;
    private MemberQueryHandler members;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        database = readStore.freshDatabase();
        projection = new MemberDirectoryProjection(database, SimpleQueryUpdateEmitter.builder().build(),
                () -> MemberFeed.T0);
        feed = new MemberFeed(projection);
        members = new MemberQueryHandler(database, null, () -> MemberFeed.T0);
        feed.member(M, registered(M));
    }

    @Test
    void theBalanceFollowsEveryMovementOfTheLedger() {
        feed.rewards(M, new PurchaseRecorded(rewards(M), id(M), "o-1", Money.won(100_000)));
        assertThat(balance()).isEqualTo(PointsBalance.none());

        feed.rewards(M, earned("e-1", 1_000, "o-1", IN_365_DAYS));
        feed.rewards(M, earned("e-2", 500, "o-2", IN_200_DAYS));
        assertThat(balance()).isEqualTo(new PointsBalance(0, 1_500, null, 0));

        feed.rewards(M, new PointsBecameAvailable(rewards(M), id(M), entry("e-1"), 1_000));
        assertThat(balance()).isEqualTo(new PointsBalance(1_000, 500, IN_365_DAYS, 1_000));

        feed.rewards(M, new PointsBecameAvailable(rewards(M), id(M), entry("e-2"), 500));
        assertThat(balance()).isEqualTo(new PointsBalance(1_500, 0, IN_200_DAYS, 500));

        feed.rewards(M, new PointsSpent(rewards(M), id(M), entry("s-1"), 600, "o-3",
                List.of(new PointsAllocation(entry("e-2"), 500), new PointsAllocation(entry("e-1"), 100))));
        assertThat(balance()).isEqualTo(new PointsBalance(900, 0, IN_365_DAYS, 900));

        feed.rewards(M, new PointsRefunded(rewards(M), id(M), entry("s-1"), 200, "주문 취소",
                List.of(new PointsAllocation(entry("e-2"), 200))));
        assertThat(balance()).isEqualTo(new PointsBalance(1_100, 0, IN_200_DAYS, 200));

        feed.rewards(M, new PointsExpired(rewards(M), id(M), entry("e-2"), 200));
        assertThat(balance()).isEqualTo(new PointsBalance(900, 0, IN_365_DAYS, 900));

        feed.rewards(M, new PointsAdjusted(rewards(M), id(M), entry("a-1"), 500, "보상", IN_365_DAYS, List.of()));
        assertThat(balance()).isEqualTo(new PointsBalance(1_400, 0, IN_365_DAYS, 1_400));

        feed.rewards(M, new PointsAdjusted(rewards(M), id(M), entry("a-2"), -300, "오지급 정정", null,
                List.of(new PointsAllocation(entry("e-1"), 300))));
        assertThat(balance()).isEqualTo(new PointsBalance(1_100, 0, IN_365_DAYS, 1_100));

        feed.rewards(M, new RewardsClosed(rewards(M), id(M), 1_100, "탈퇴"));
        assertThat(balance()).isEqualTo(PointsBalance.none());
        assertThat(view().rewardsVersion()).isEqualTo(10);
    }

    @Test
    void theLedgerListsEveryMovementNewestFirstSignedAsItChangesTheTotal() {
        feed.rewards(M, new PurchaseRecorded(rewards(M), id(M), "o-1", Money.won(100_000)));
        feed.rewards(M, earned("e-1", 1_000, "o-1", IN_365_DAYS));
        feed.rewards(M, new PointsBecameAvailable(rewards(M), id(M), entry("e-1"), 1_000));
        feed.rewards(M, new PointsSpent(rewards(M), id(M), entry("s-1"), 600, "o-3",
                List.of(new PointsAllocation(entry("e-1"), 600))));
        feed.rewards(M, new PointsRefunded(rewards(M), id(M), entry("s-1"), 200, "주문 취소",
                List.of(new PointsAllocation(entry("e-1"), 200))));
        feed.rewards(M, new PointsExpired(rewards(M), id(M), entry("e-1"), 600));
        feed.rewards(M, gradeChanged());
        feed.rewards(M, new PointsAdjusted(rewards(M), id(M), entry("a-1"), 500, "보상", IN_365_DAYS, List.of()));
        feed.rewards(M, new RewardsClosed(rewards(M), id(M), 500, "탈퇴"));

        PointsLedgerPage page = ledger(100, null);

        assertThat(page.items()).containsExactly(
                new PointsLedgerEntryView(null, PointsMovement.FORFEITED, -500, null, "탈퇴", at(9), null, null, 8),
                new PointsLedgerEntryView("a-1", PointsMovement.ADJUSTED, 500, null, "보상", at(8), at(8),
                        IN_365_DAYS, 7),
                new PointsLedgerEntryView("e-1", PointsMovement.EXPIRED, -600, null, null, at(6), null, null, 5),
                new PointsLedgerEntryView("s-1", PointsMovement.REFUNDED, 200, null, "주문 취소", at(5), null, null, 4),
                new PointsLedgerEntryView("s-1", PointsMovement.SPENT, -600, "o-3", null, at(4), null, null, 3),
                new PointsLedgerEntryView("e-1", PointsMovement.BECAME_AVAILABLE, 0, null, null, at(3), null, null,
                        2),
                new PointsLedgerEntryView("e-1", PointsMovement.EARNED, 1_000, "o-1", null, at(2), at(10),
                        IN_365_DAYS, 1));
        assertThat(page).extracting(PointsLedgerPage::totalCount, PointsLedgerPage::hasNextPage)
                .containsExactly(7L, false);
        assertThat(page.items().stream().mapToLong(PointsLedgerEntryView::points).sum()).isZero();
    }

    @Test
    void theLedgerIsReadPageByPageAcrossGapsAndLongHistories() {
        for (int i = 0; i < 40; i++) {
            feed.rewards(M, earned("e-" + i, 10 + i, "o-" + i, IN_365_DAYS));
            if (i % 3 == 0) {
                feed.rewards(M, new PurchaseRecorded(rewards(M), id(M), "o-" + i, Money.won(1_000)));
            }
        }

        List<String> seen = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            PointsLedgerPage page = ledger(7, after);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
            page.items().forEach(item -> seen.add(item.entryId()));
            totals.add(page.totalCount());
            more = page.hasNextPage();
            after = page.cursors().isEmpty() ? after : page.cursors().get(page.cursors().size() - 1);
        }

        List<String> expected = new ArrayList<>();
        for (int i = 39; i >= 0; i--) {
            expected.add("e-" + i);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(totals).hasSize(6).containsOnly(40L);
    }

    @Test
    void aPageOfNoEntriesStillTellsWhetherThereAreAny() {
        feed.rewards(M, earned("e-1", 100, "o-1", IN_365_DAYS));

        assertThat(ledger(0, null)).extracting(page -> page.items().size(), PointsLedgerPage::totalCount,
                PointsLedgerPage::hasNextPage).containsExactly(0, 1L, true);
    }

    @Test
    void aReplayedOrRedeliveredRewardsEventIsCountedOnce() {
        feed.rewards(M, earned("e-1", 1_000, "o-1", IN_365_DAYS));
        feed.rewards(M, new PointsBecameAvailable(rewards(M), id(M), entry("e-1"), 1_000));
        feed.rewards(M, new PointsSpent(rewards(M), id(M), entry("s-1"), 300, "o-2",
                List.of(new PointsAllocation(entry("e-1"), 300))));
        List<DomainEventMessage<?>> all = feed.delivered();
        PointsLedgerPage before = ledger(10, null);
        MemberView viewBefore = view();

        all.forEach(feed::deliver);

        assertThat(ledger(10, null)).isEqualTo(before);
        assertThat(view()).isEqualTo(viewBefore);
        assertThat(database.getCollection(PointsLedger.COLLECTION).countDocuments()).isEqualTo(3);
    }

    @Test
    void aLedgerEntryWrittenAheadOfItsMemberDocumentStaysHiddenUntilTheDocumentCountsIt() {
        feed.rewards(M, earned("e-1", 1_000, "o-1", IN_365_DAYS));
        // as if the projection stopped between writing the entry of the next event and its member document
        new PointsLedger(database).record(M, 1, new PointsLedger.Entry(PointsMovement.BECAME_AVAILABLE, 0, "e-1",
                null, null, null, null), at(5));

        assertThat(ledger(10, null).items()).extracting(PointsLedgerEntryView::sequence).containsExactly(0L);
        assertThat(ledger(10, "5").items()).extracting(PointsLedgerEntryView::sequence).containsExactly(0L);

        feed.rewards(M, new PointsBecameAvailable(rewards(M), id(M), entry("e-1"), 1_000));
        assertThat(ledger(10, null).items()).extracting(PointsLedgerEntryView::sequence,
                PointsLedgerEntryView::occurredAt).containsExactly(tuple(1L, at(5)), tuple(0L, at(1)));
    }

    @Test
    void anUnknownMemberHasAnEmptyLedger() {
        assertThat(members.find(new FindPointsLedgerQuery(id("nobody"), 10, null)))
                .isEqualTo(new PointsLedgerPage(List.of(), List.of(), 0, false));
    }

    @Test
    void refusesALedgerCursorItDidNotHandOut() {
        assertThatIllegalArgumentException().isThrownBy(() -> ledger(10, "-3"));
        assertThatIllegalArgumentException().isThrownBy(() -> ledger(10, "abc"));
    }

    private PointsEarned earned(String entryId, long points, String orderId, Instant expiresAt) {
        return new PointsEarned(rewards(M), id(M), entry(entryId), points, orderId, "BASIC", 10, at(10), expiresAt);
    }

    private static MemberGradeChanged gradeChanged() {
        return new MemberGradeChanged(rewards(M), id(M), null, "SILVER", "SILVER: purchases", Money.won(100_000),
                MemberFeed.T0, null);
    }

    private PointsLedgerPage ledger(int first, String after) {
        return members.find(new FindPointsLedgerQuery(id(M), first, after));
    }

    private MemberView view() {
        return members.find(new FindMemberQuery(id(M))).orElseThrow();
    }

    private PointsBalance balance() {
        return view().points();
    }
}
