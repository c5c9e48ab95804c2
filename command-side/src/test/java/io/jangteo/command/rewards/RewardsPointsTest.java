package io.jangteo.command.rewards;

import io.jangteo.command.rewards.PointsRules.EntryIdRequired;
import io.jangteo.command.rewards.PointsRules.EntryIdTaken;
import io.jangteo.command.rewards.PointsRules.InsufficientPoints;
import io.jangteo.command.rewards.PointsRules.PointsOutOfRange;
import io.jangteo.command.rewards.PointsRules.RefundExceedsSpending;
import io.jangteo.command.rewards.PointsRules.UnknownEarning;
import io.jangteo.command.rewards.PointsRules.UnknownSpending;
import io.jangteo.command.rewards.PointsRules.ZeroAdjustment;
import io.jangteo.command.rewards.RewardsRules.NotThisAccountsMember;
import io.jangteo.command.rewards.RewardsRules.OrderRecordedWithOtherAmount;
import io.jangteo.command.rewards.RewardsRules.PurchaseAmountOutOfRange;
import io.jangteo.command.rewards.RewardsRules.PurchaseInOtherCurrency;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.command.shared.Reasons.ReasonTooLong;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.AdjustPoints;
import io.jangteo.messages.rewards.ExpirePoints;
import io.jangteo.messages.rewards.MakePointsAvailable;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PointsBecameAvailable;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsExpired;
import io.jangteo.messages.rewards.PointsPolicy;
import io.jangteo.messages.rewards.PointsRefunded;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.RecordPurchaseConfirmed;
import io.jangteo.messages.rewards.RefundPoints;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.jangteo.command.rewards.RewardsFixtures.ACCOUNT;
import static io.jangteo.command.rewards.RewardsFixtures.MEMBER;
import static io.jangteo.command.rewards.RewardsFixtures.PENDING;
import static io.jangteo.command.rewards.RewardsFixtures.T0;
import static io.jangteo.command.rewards.RewardsFixtures.VALIDITY;
import static io.jangteo.command.rewards.RewardsFixtures.admin;
import static io.jangteo.command.rewards.RewardsFixtures.available;
import static io.jangteo.command.rewards.RewardsFixtures.earned;
import static io.jangteo.command.rewards.RewardsFixtures.from;
import static io.jangteo.command.rewards.RewardsFixtures.id;
import static io.jangteo.command.rewards.RewardsFixtures.purchase;
import static io.jangteo.command.rewards.RewardsFixtures.recorded;
import static io.jangteo.command.rewards.RewardsFixtures.spent;
import static io.jangteo.command.rewards.RewardsFixtures.system;
import static io.jangteo.command.rewards.RewardsFixtures.theMember;
import static io.jangteo.command.rewards.RewardsFixtures.won;
import static io.jangteo.command.shared.Violations.violation;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.instanceOf;

/** The points ledger: earning, availability, spending, refunds, expiry and admin adjustments. */
class RewardsPointsTest {

    private static final Instant DAY_1 = T0.plus(Duration.ofDays(1));

    private FixtureConfiguration<Rewards> fixture;

    @BeforeEach
    void setUp() {
        fixture = RewardsFixtures.fixture();
        // new earnings get random ids; tests name the ones they give
        fixture.registerIgnoredField(PointsEarned.class, "entryId");
    }

    /** Available earnings A (expires in 100 days), B and C (both in 50 days, B earned first), 1,000 points each. */
    private Object[] threeAvailableEarnings() {
        return new Object[]{
                earned("A", 1_000, T0, T0.plus(Duration.ofDays(100))), available("A", 1_000),
                earned("B", 1_000, T0, T0.plus(Duration.ofDays(50))), available("B", 1_000),
                earned("C", 1_000, T0, T0.plus(Duration.ofDays(50))), available("C", 1_000)};
    }

    // ---- earning

    @Test
    void aConfirmedPurchaseIsRecordedAndEarnsPendingPointsAtTheGradeRate() {
        fixture.givenCurrentTime(T0)
                .when(purchase("order-1", 100_000), system())
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded("order-1", 100_000),
                        new PointsEarned(ACCOUNT, MEMBER, id("ignored"), 1_000, "order-1", "BASIC", 10,
                                T0.plus(PENDING), T0.plus(VALIDITY)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void earnedPointsAreRoundedDown() {
        fixture.givenCurrentTime(T0)
                .when(purchase("order-1", 12_399), system())
                .expectEvents(recorded("order-1", 12_399),
                        new PointsEarned(ACCOUNT, MEMBER, id("ignored"), 123, "order-1", "BASIC", 10,
                                T0.plus(PENDING), T0.plus(VALIDITY)));
    }

    @Test
    void aPurchaseTooSmallToEarnAPointEarnsNothing() {
        fixture.givenCurrentTime(T0)
                .when(purchase("order-1", 99), system())
                .expectEvents(recorded("order-1", 99))
                .expectResultMessagePayload(0L);
    }

    @Test
    void withoutAPendingPeriodEarnedPointsAreAvailableAtOnce() {
        FixtureConfiguration<Rewards> immediate = RewardsFixtures.fixture(new PointsPolicy(Duration.ZERO, VALIDITY));
        immediate.givenCurrentTime(T0)
                .when(purchase("order-1", 50_000), system())
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                instanceOf(PurchaseRecorded.class),
                                instanceOf(PointsEarned.class),
                                instanceOf(PointsBecameAvailable.class),
                                andNoMore())))
                .expectState(rewards -> assertThat(rewards.availablePoints(T0)).isEqualTo(500));
    }

    @Test
    void theSameOrderIsRecordedOnce() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 100_000), earned("E1", 1_000, T0))
                .when(purchase("order-1", 100_000), system())
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void theSameOrderWithAnotherAmountIsRefused() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 100_000))
                .when(purchase("order-1", 90_000), system())
                .expectNoEvents()
                .expectException(OrderRecordedWithOtherAmount.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("orderId")));
    }

    @Test
    void aPurchaseCountsOnlyInTheGradeTablesCurrency() {
        fixture.givenNoPriorActivity()
                .when(new RecordPurchaseConfirmed(ACCOUNT, MEMBER, "order-1", Money.of(10_000, "USD")), system())
                .expectNoEvents()
                .expectException(PurchaseInOtherCurrency.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("amount")));
    }

    @Test
    void aPurchaseMustBeWorthSomething() {
        fixture.givenNoPriorActivity()
                .when(purchase("order-1", 0), system())
                .expectNoEvents()
                .expectException(PurchaseAmountOutOfRange.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("amount")));
    }

    @Test
    void aPurchaseBeyondAnyRealOrderIsRefused() {
        fixture.givenNoPriorActivity()
                .when(purchase("order-1", RewardsRules.MAX_PURCHASE + 1), system())
                .expectNoEvents()
                .expectException(PurchaseAmountOutOfRange.class);
    }

    @Test
    void aPurchaseForAnotherMembersAccountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordPurchaseConfirmed(ACCOUNT, MemberId.of("member-2"), "order-1", won(10_000)), system())
                .expectNoEvents()
                .expectException(NotThisAccountsMember.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("memberId")));
    }

    // ---- availability

    @Test
    void pendingPointsBecomeAvailableWhenDue() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 100_000), earned("E1", 1_000, T0))
                .andGivenCurrentTime(T0.plus(PENDING))
                .when(new MakePointsAvailable(ACCOUNT, id("E1")), system())
                .expectEvents(available("E1", 1_000))
                .expectResultMessagePayload(2L);
    }

    @Test
    void pendingPointsDoNotBecomeAvailableBeforeTheirTime() {
        fixture.givenCurrentTime(T0)
                .andGiven(earned("E1", 1_000, T0))
                .andGivenCurrentTime(T0.plus(PENDING).minusSeconds(1))
                .when(new MakePointsAvailable(ACCOUNT, id("E1")), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void pointsBecomeAvailableOnlyOnce() {
        fixture.givenCurrentTime(T0)
                .andGiven(earned("E1", 1_000, T0), available("E1", 1_000))
                .andGivenCurrentTime(T0.plus(Duration.ofDays(30)))
                .when(new MakePointsAvailable(ACCOUNT, id("E1")), system())
                .expectNoEvents();
    }

    @Test
    void availabilityOfAnUnknownEarningIsRefused() {
        fixture.givenCurrentTime(T0)
                .andGiven(earned("E1", 1_000, T0))
                .when(new MakePointsAvailable(ACCOUNT, id("nope")), system())
                .expectNoEvents()
                .expectException(UnknownEarning.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("entryId")));
    }

    // ---- spending

    @Test
    void theMemberSpendsThePointsExpiringSoonestFirstAndAmongThoseTheEarliestEarned() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGivenCurrentTime(DAY_1)
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 2_500, "order-9"), theMember())
                .expectEvents(spent("S1", 2_500, from("B", 1_000), from("C", 1_000), from("A", 500)))
                .expectResultMessagePayload(6L);
    }

    @Test
    void spendingMoreThanIsAvailableIsATypedError() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGiven(earned("P", 5_000, T0))
                .andGivenCurrentTime(DAY_1)
                // the 5,000 pending points do not count
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 3_001, "order-9"), theMember())
                .expectNoEvents()
                .expectException(InsufficientPoints.class)
                .expectException(violation(ErrorCode.INSUFFICIENT_POINTS, List.of("points")))
                .expectExceptionMessage("Only 3000 points are available; 3001 were asked for");
    }

    @Test
    void pointsPastTheirExpiryCannotBeSpentEvenBeforeTheSchedulerExpiresThem() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGivenCurrentTime(T0.plus(Duration.ofDays(50)))
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 1_001, "order-9"), theMember())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INSUFFICIENT_POINTS, List.of("points")));
    }

    @Test
    void anUntouchedAccountHasNoPointsToSpend() {
        fixture.givenNoPriorActivity()
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 1, "order-9"), theMember())
                .expectNoEvents()
                .expectException(InsufficientPoints.class);
    }

    @Test
    void theSameSpendingIsRecordedOnce() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGiven(spent("S1", 500, from("B", 500)))
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 500, "order-9"), theMember())
                .expectNoEvents()
                .expectResultMessagePayload(6L);
    }

    @Test
    void theSameSpendIdWithAnotherAmountIsRefused() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGiven(spent("S1", 500, from("B", 500)))
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 600, "order-9"), theMember())
                .expectNoEvents()
                .expectException(EntryIdTaken.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("spendId")));
    }

    @Test
    void aSpendingCannotReuseAnEarningsId() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .when(new SpendPoints(ACCOUNT, MEMBER, id("A"), 100, "order-9"), theMember())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("spendId")));
    }

    @Test
    void aSpendingNeedsPositivePointsAndAnId() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 0, "order-9"), theMember())
                .expectException(PointsOutOfRange.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("points")));
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .when(new SpendPoints(ACCOUNT, MEMBER, null, 10, "order-9"), theMember())
                .expectException(EntryIdRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("spendId")));
    }

    // ---- refunds

    @Test
    void aRefundGoesBackToTheLatestExpiringEarningsFirst() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGiven(spent("S1", 2_500, from("B", 1_000), from("C", 1_000), from("A", 500)))
                .when(new RefundPoints(ACCOUNT, MEMBER, id("S1"), 1_200, "order cancelled"), system())
                .expectEvents(new PointsRefunded(ACCOUNT, MEMBER, id("S1"), 1_200, "order cancelled",
                        List.of(from("A", 500), from("C", 700))));
    }

    @Test
    void refundsOfASpendingAddUpToAtMostWhatItUsed() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGiven(spent("S1", 2_500, from("B", 1_000), from("C", 1_000), from("A", 500)),
                        new PointsRefunded(ACCOUNT, MEMBER, id("S1"), 1_200, "partial",
                                List.of(from("A", 500), from("C", 700))))
                .when(new RefundPoints(ACCOUNT, MEMBER, id("S1"), 1_301, "the rest and more"), admin())
                .expectNoEvents()
                .expectException(RefundExceedsSpending.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("points")))
                .expectExceptionMessage("At most 1300 points of this spending can still be refunded");
    }

    @Test
    void theRestOfAPartlyRefundedSpendingGoesBackWhereItCameFrom() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGiven(spent("S1", 2_500, from("B", 1_000), from("C", 1_000), from("A", 500)),
                        new PointsRefunded(ACCOUNT, MEMBER, id("S1"), 1_200, "partial",
                                List.of(from("A", 500), from("C", 700))))
                .when(new RefundPoints(ACCOUNT, MEMBER, id("S1"), 1_300, "the rest"), admin())
                .expectEvents(new PointsRefunded(ACCOUNT, MEMBER, id("S1"), 1_300, "the rest",
                        List.of(from("C", 300), from("B", 1_000))))
                .expectState(rewards -> assertThat(rewards.availablePoints(DAY_1))
                        .isEqualTo(3_000));
    }

    @Test
    void aRefundOfAnUnknownSpendingIsRefused() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .when(new RefundPoints(ACCOUNT, MEMBER, id("S9"), 100, "cancelled"), system())
                .expectNoEvents()
                .expectException(UnknownSpending.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("spendId")));
    }

    @Test
    void aRefundNeedsAReason() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGiven(spent("S1", 500, from("B", 500)))
                .when(new RefundPoints(ACCOUNT, MEMBER, id("S1"), 100, "  "), admin())
                .expectNoEvents()
                .expectException(ReasonRequired.class);
    }

    @Test
    void pointsRefundedToAnExpiredEarningExpireAtItsNextExpiry() {
        Instant expiry = T0.plus(Duration.ofDays(10));
        fixture.givenCurrentTime(T0)
                .andGiven(earned("A", 1_000, T0, expiry), available("A", 1_000))
                .andGivenCurrentTime(DAY_1)
                .andGiven(spent("S1", 600, from("A", 600)))
                .andGivenCurrentTime(expiry)
                .andGiven(new PointsExpired(ACCOUNT, MEMBER, id("A"), 400))
                .andGivenCurrentTime(expiry.plus(Duration.ofDays(1)))
                .andGiven(new PointsRefunded(ACCOUNT, MEMBER, id("S1"), 600, "cancelled", List.of(from("A", 600))))
                .when(new ExpirePoints(ACCOUNT, id("A")), system())
                .expectEvents(new PointsExpired(ACCOUNT, MEMBER, id("A"), 600));
    }

    @Test
    void pointsRefundedToAnExpiredEarningCannotBeSpent() {
        Instant expiry = T0.plus(Duration.ofDays(10));
        fixture.givenCurrentTime(T0)
                .andGiven(earned("A", 1_000, T0, expiry), available("A", 1_000),
                        spent("S1", 1_000, from("A", 1_000)))
                .andGivenCurrentTime(expiry.plus(Duration.ofDays(1)))
                .andGiven(new PointsRefunded(ACCOUNT, MEMBER, id("S1"), 1_000, "cancelled", List.of(from("A", 1_000))))
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S2"), 1, "order-10"), theMember())
                .expectException(InsufficientPoints.class);
    }

    // ---- expiry

    @Test
    void expiryTakesOnlyWhatRemains() {
        Instant expiry = T0.plus(Duration.ofDays(10));
        fixture.givenCurrentTime(T0)
                .andGiven(earned("A", 1_000, T0, expiry), available("A", 1_000), spent("S1", 300, from("A", 300)))
                .andGivenCurrentTime(expiry)
                .when(new ExpirePoints(ACCOUNT, id("A")), system())
                .expectEvents(new PointsExpired(ACCOUNT, MEMBER, id("A"), 700))
                .expectResultMessagePayload(3L);
    }

    @Test
    void nothingExpiresBeforeItsTime() {
        Instant expiry = T0.plus(Duration.ofDays(10));
        fixture.givenCurrentTime(T0)
                .andGiven(earned("A", 1_000, T0, expiry), available("A", 1_000))
                .andGivenCurrentTime(expiry.minusMillis(1))
                .when(new ExpirePoints(ACCOUNT, id("A")), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nothingExpiresTwice() {
        Instant expiry = T0.plus(Duration.ofDays(10));
        fixture.givenCurrentTime(T0)
                .andGiven(earned("A", 1_000, T0, expiry), available("A", 1_000))
                .andGivenCurrentTime(expiry)
                .andGiven(new PointsExpired(ACCOUNT, MEMBER, id("A"), 1_000))
                .andGivenCurrentTime(expiry.plus(Duration.ofDays(3)))
                .when(new ExpirePoints(ACCOUNT, id("A")), system())
                .expectNoEvents();
    }

    @Test
    void anEarningFullySpentHasNothingToExpire() {
        Instant expiry = T0.plus(Duration.ofDays(10));
        fixture.givenCurrentTime(T0)
                .andGiven(earned("A", 1_000, T0, expiry), available("A", 1_000), spent("S1", 1_000, from("A", 1_000)))
                .andGivenCurrentTime(expiry)
                .when(new ExpirePoints(ACCOUNT, id("A")), system())
                .expectNoEvents();
    }

    // ---- adjustments

    @Test
    void anAdminAddsPointsThatAreAvailableAtOnceAndExpireAfterTheValidity() {
        fixture.givenCurrentTime(T0)
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 5_000, " goodwill for a late delivery "), admin())
                .expectEvents(new PointsAdjusted(ACCOUNT, MEMBER, id("ADJ1"), 5_000, "goodwill for a late delivery",
                        T0.plus(VALIDITY), List.of()))
                .expectResultMessagePayload(0L)
                .expectState(rewards -> assertThat(rewards.availablePoints(T0))
                        .isEqualTo(5_000));
    }

    @Test
    void anAdminRemovesPointsFromThoseExpiringSoonestFirst() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), -1_500, "points given by mistake"), admin())
                .expectEvents(new PointsAdjusted(ACCOUNT, MEMBER, id("ADJ1"), -1_500, "points given by mistake", null,
                        List.of(from("B", 1_000), from("C", 500))));
    }

    @Test
    void anAdjustmentCannotMakeTheBalanceNegative() {
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), -3_001, "too much"), admin())
                .expectNoEvents()
                .expectException(InsufficientPoints.class)
                .expectException(violation(ErrorCode.INSUFFICIENT_POINTS, List.of("points")));
    }

    @Test
    void theSameAdjustmentIsRecordedOnce() {
        fixture.givenCurrentTime(T0)
                .andGiven(new PointsAdjusted(ACCOUNT, MEMBER, id("ADJ1"), 5_000, "goodwill", T0.plus(VALIDITY),
                        List.of()))
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 5_000, "goodwill"), admin())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void theSameAdjustmentIdWithAnotherDeltaIsRefused() {
        fixture.givenCurrentTime(T0)
                .andGiven(new PointsAdjusted(ACCOUNT, MEMBER, id("ADJ1"), 5_000, "goodwill", T0.plus(VALIDITY),
                        List.of()))
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 4_000, "goodwill"), admin())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("entryId")));
    }

    @Test
    void anAdjustmentNeedsAReasonOfAtMost500Characters() {
        fixture.givenNoPriorActivity()
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 100, null), admin())
                .expectException(ReasonRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
        fixture.givenNoPriorActivity()
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 100, "가".repeat(501)), admin())
                .expectException(ReasonTooLong.class);
        fixture.givenNoPriorActivity()
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 100, "가".repeat(500)), admin())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAdjustmentMustChangeTheBalance() {
        fixture.givenNoPriorActivity()
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 0, "nothing"), admin())
                .expectNoEvents()
                .expectException(ZeroAdjustment.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("delta")));
    }

    @Test
    void positivelyAdjustedPointsExpireLikeEarnings() {
        fixture.givenCurrentTime(T0)
                .andGiven(new PointsAdjusted(ACCOUNT, MEMBER, id("ADJ1"), 5_000, "goodwill", T0.plus(VALIDITY),
                        List.of()))
                .andGivenCurrentTime(T0.plus(VALIDITY))
                .when(new ExpirePoints(ACCOUNT, id("ADJ1")), system())
                .expectEvents(new PointsExpired(ACCOUNT, MEMBER, id("ADJ1"), 5_000));
    }

    @Test
    void theLedgerReplaysToTheSameBalance() {
        // earned, available, spent, partly refunded, adjusted down: 3,000 - 2,500 + 1,200 - 700 = 1,000 left
        fixture.givenCurrentTime(T0)
                .andGiven(threeAvailableEarnings())
                .andGiven(spent("S1", 2_500, from("B", 1_000), from("C", 1_000), from("A", 500)),
                        new PointsRefunded(ACCOUNT, MEMBER, id("S1"), 1_200, "partial",
                                List.of(from("A", 500), from("C", 700))),
                        new PointsAdjusted(ACCOUNT, MEMBER, id("ADJ1"), -700, "mistake", null, List.of(from("C", 700))))
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S2"), 1_001, "order-10"), theMember())
                .expectException(InsufficientPoints.class)
                .expectExceptionMessage("Only 1000 points are available; 1001 were asked for");
    }
}
