package io.jangteo.command.rewards;

import io.jangteo.command.rewards.GradeRules.UnknownGrade;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.messages.rewards.ChangeGrade;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.ReviewGrade;
import io.jangteo.messages.shared.ErrorCode;
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
import static io.jangteo.command.rewards.RewardsFixtures.WINDOW;
import static io.jangteo.command.rewards.RewardsFixtures.admin;
import static io.jangteo.command.rewards.RewardsFixtures.id;
import static io.jangteo.command.rewards.RewardsFixtures.purchase;
import static io.jangteo.command.rewards.RewardsFixtures.recorded;
import static io.jangteo.command.rewards.RewardsFixtures.system;
import static io.jangteo.command.rewards.RewardsFixtures.won;
import static io.jangteo.command.shared.Violations.violation;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.hamcrest.Matchers.any;

/** Grades: evaluated on confirmed purchases and on scheduled reviews, or set by an admin with a reason. */
class RewardsGradeTest {

    private static final Instant LATER = T0.plus(Duration.ofDays(100));

    private FixtureConfiguration<Rewards> fixture;

    @BeforeEach
    void setUp() {
        fixture = RewardsFixtures.fixture();
        fixture.registerIgnoredField(PointsEarned.class, "entryId");
    }

    @Test
    void aPurchaseThatReachesTheNextGradeRaisesItAndEarnsAtTheGradeHeldBefore() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 250_000))
                .andGivenCurrentTime(LATER)
                .when(purchase("order-2", 100_000), system())
                .expectEvents(recorded("order-2", 100_000),
                        new PointsEarned(ACCOUNT, MEMBER, id("ignored"), 1_000, "order-2", "BASIC", 10,
                                LATER.plus(PENDING), LATER.plus(VALIDITY)),
                        new MemberGradeChanged(ACCOUNT, MEMBER, "BASIC", "SILVER",
                                "SILVER (실버): purchases of at least 300,000 KRW within P365D; total 350,000 KRW",
                                won(350_000), LATER.minus(WINDOW), null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aGradeEarnsAtItsOwnRate() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 1_200_000),
                        gradeChanged("BASIC", "GOLD", 1_200_000, T0))
                .when(purchase("order-2", 10_000), system())
                .expectEvents(recorded("order-2", 10_000),
                        new PointsEarned(ACCOUNT, MEMBER, id("ignored"), 300, "order-2", "GOLD", 30,
                                T0.plus(PENDING), T0.plus(VALIDITY)));
    }

    @Test
    void oneLargePurchaseCanSkipGrades() {
        fixture.givenCurrentTime(T0)
                .when(purchase("order-1", 3_500_000), system())
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                any(Object.class),
                                any(Object.class),
                                equalTo(new MemberGradeChanged(ACCOUNT, MEMBER,
                                        "BASIC", "VIP",
                                        "VIP (VIP): purchases of at least 3,000,000 KRW within P365D; total 3,500,000 KRW",
                                        won(3_500_000), T0.minus(WINDOW), null)),
                                andNoMore())));
    }

    @Test
    void aReviewLowersTheGradeOncePurchasesLeaveTheWindow() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 250_000))
                .andGivenCurrentTime(LATER)
                .andGiven(recorded("order-2", 100_000), gradeChanged("BASIC", "SILVER", 350_000, LATER))
                // order-1 (recorded at T0) leaves the window at exactly T0 + window: the window holds later purchases
                .andGivenCurrentTime(T0.plus(WINDOW))
                .when(new ReviewGrade(ACCOUNT), system())
                .expectEvents(new MemberGradeChanged(ACCOUNT, MEMBER, "SILVER", "BASIC",
                        "BASIC (일반): purchases of at least 0 KRW within P365D; total 100,000 KRW",
                        won(100_000), T0, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aReviewJustBeforeAPurchaseLeavesTheWindowKeepsTheGrade() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 350_000), gradeChanged("BASIC", "SILVER", 350_000, T0))
                .andGivenCurrentTime(T0.plus(WINDOW).minusMillis(1))
                .when(new ReviewGrade(ACCOUNT), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aReviewOfAnUntouchedAccountRecordsNothing() {
        // an account starts at the lowest grade implicitly: only changes are events
        fixture.givenNoPriorActivity()
                .when(new ReviewGrade(ACCOUNT), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(-1L);
    }

    @Test
    void anAdminSetsAGradeWithAReason() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 100_000))
                .when(new ChangeGrade(ACCOUNT, MEMBER, "VIP", " compensation for a lost parcel "), admin())
                .expectEvents(new MemberGradeChanged(ACCOUNT, MEMBER, "BASIC", "VIP", "manual", won(100_000),
                        T0.minus(WINDOW), "compensation for a lost parcel"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aManualGradeHoldsUntilTheNextEvaluation() {
        fixture.givenCurrentTime(T0)
                .andGiven(recorded("order-1", 100_000),
                        new MemberGradeChanged(ACCOUNT, MEMBER, "BASIC", "VIP", "manual", won(100_000),
                                T0.minus(WINDOW), "compensation"))
                .andGivenCurrentTime(LATER)
                .when(new ReviewGrade(ACCOUNT), system())
                .expectEvents(new MemberGradeChanged(ACCOUNT, MEMBER, "VIP", "BASIC",
                        "BASIC (일반): purchases of at least 0 KRW within P365D; total 100,000 KRW",
                        won(100_000), LATER.minus(WINDOW), null));
    }

    @Test
    void settingTheGradeAlreadyHeldRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new ChangeGrade(ACCOUNT, MEMBER, "BASIC", "just checking"), admin())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAdminCanOnlySetAGradeOfTheTable() {
        fixture.givenNoPriorActivity()
                .when(new ChangeGrade(ACCOUNT, MEMBER, "PLATINUM", "loyal customer"), admin())
                .expectNoEvents()
                .expectException(UnknownGrade.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("grade")));
    }

    @Test
    void aManualGradeNeedsAReason() {
        fixture.givenNoPriorActivity()
                .when(new ChangeGrade(ACCOUNT, MEMBER, "GOLD", ""), admin())
                .expectNoEvents()
                .expectException(ReasonRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
    }

    @Test
    void aStoredGradeTheTableNoLongerHasEarnsAtTheLowestRateAndIsReviewedAway() {
        fixture.givenCurrentTime(T0)
                .andGiven(new MemberGradeChanged(ACCOUNT, MEMBER, "BASIC", "DIAMOND", "manual", won(0),
                        T0.minus(WINDOW), "from an older table"))
                .when(purchase("order-1", 10_000), system())
                .expectEvents(recorded("order-1", 10_000),
                        new PointsEarned(ACCOUNT, MEMBER, id("ignored"), 100, "order-1", "BASIC", 10,
                                T0.plus(PENDING), T0.plus(VALIDITY)),
                        new MemberGradeChanged(ACCOUNT, MEMBER, "DIAMOND", "BASIC",
                                "BASIC (일반): purchases of at least 0 KRW within P365D; total 10,000 KRW",
                                won(10_000), T0.minus(WINDOW), null));
    }

    private static MemberGradeChanged gradeChanged(String from, String to, long total, Instant at) {
        return new MemberGradeChanged(ACCOUNT, MEMBER, from, to, "evaluated", won(total), at.minus(WINDOW), null);
    }
}
