package io.jangteo.command.rewards;

import io.jangteo.command.rewards.RewardsAccessPolicy.NotYourPoints;
import io.jangteo.command.rewards.RewardsAccessPolicy.OnlyAdmins;
import io.jangteo.command.rewards.RewardsAccessPolicy.OnlySystemActors;
import io.jangteo.command.rewards.RewardsAccessPolicy.OnlySystemActorsOrAdmins;
import io.jangteo.command.rewards.RewardsRules.RewardsAccountClosed;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.AdjustPoints;
import io.jangteo.messages.rewards.ChangeGrade;
import io.jangteo.messages.rewards.CloseRewards;
import io.jangteo.messages.rewards.ExpirePoints;
import io.jangteo.messages.rewards.MakePointsAvailable;
import io.jangteo.messages.rewards.RefundPoints;
import io.jangteo.messages.rewards.ReviewGrade;
import io.jangteo.messages.rewards.RewardsClosed;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.jangteo.command.rewards.RewardsFixtures.ACCOUNT;
import static io.jangteo.command.rewards.RewardsFixtures.MEMBER;
import static io.jangteo.command.rewards.RewardsFixtures.T0;
import static io.jangteo.command.rewards.RewardsFixtures.actingAs;
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
import static io.jangteo.command.shared.Violations.violation;

/** Who may do what to a rewards account, and the account after its member withdrew. */
class RewardsAccessAndClosingTest {

    private FixtureConfiguration<Rewards> fixture;

    @BeforeEach
    void setUp() {
        fixture = RewardsFixtures.fixture();
    }

    /** Available A (1,000) and pending P (500), of which 400 of A are spent: 600 available, 500 pending. */
    private Object[] anActiveLedger() {
        return new Object[]{recorded("order-A", 100_000), earned("A", 1_000, T0), available("A", 1_000),
                spent("S1", 400, from("A", 400)), earned("P", 500, T0)};
    }

    // ---- access

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = "SYSTEM", mode = EnumSource.Mode.EXCLUDE)
    void onlySystemActorsRecordPurchases(ActorRole role) {
        fixture.givenNoPriorActivity()
                .when(purchase("order-1", 10_000), actingAs(role))
                .expectNoEvents()
                .expectException(OnlySystemActors.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = "SYSTEM", mode = EnumSource.Mode.EXCLUDE)
    void onlySystemActorsRunTheSchedule(ActorRole role) {
        fixture.givenCurrentTime(T0)
                .andGiven(earned("P", 500, T0))
                .andGivenCurrentTime(T0.plus(Duration.ofDays(400)))
                .when(new ExpirePoints(ACCOUNT, id("P")), actingAs(role))
                .expectNoEvents()
                .expectException(OnlySystemActors.class);
        fixture.givenCurrentTime(T0)
                .andGiven(earned("P", 500, T0))
                .andGivenCurrentTime(T0.plus(Duration.ofDays(8)))
                .when(new MakePointsAvailable(ACCOUNT, id("P")), actingAs(role))
                .expectNoEvents()
                .expectException(OnlySystemActors.class);
        fixture.givenNoPriorActivity()
                .when(new ReviewGrade(ACCOUNT), actingAs(role))
                .expectException(OnlySystemActors.class);
        fixture.givenNoPriorActivity()
                .when(new CloseRewards(ACCOUNT, MEMBER, "member withdrew"), actingAs(role))
                .expectNoEvents()
                .expectException(OnlySystemActors.class);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAdminsAdjustPointsAndGrades(ActorRole role) {
        fixture.givenNoPriorActivity()
                .when(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 1_000, "goodwill"), actingAs(role))
                .expectNoEvents()
                .expectException(OnlyAdmins.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.givenNoPriorActivity()
                .when(new ChangeGrade(ACCOUNT, MEMBER, "VIP", "goodwill"), actingAs(role))
                .expectNoEvents()
                .expectException(OnlyAdmins.class);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SYSTEM", "ADMIN"}, mode = EnumSource.Mode.EXCLUDE)
    void onlySystemActorsAndAdminsRefund(ActorRole role) {
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .when(new RefundPoints(ACCOUNT, MEMBER, id("S1"), 100, "cancelled"), actingAs(role))
                .expectNoEvents()
                .expectException(OnlySystemActorsOrAdmins.class);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ANONYMOUS", "SELLER", "SUPPORT", "ANALYST", "ADMIN"})
    void staffSellersAndStrangersCannotSpendAMembersPoints(ActorRole role) {
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S2"), 100, "order-9"), actingAs(role))
                .expectNoEvents()
                .expectException(NotYourPoints.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void anotherCustomerCannotSpendAMembersPoints() {
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S2"), 100, "order-9"),
                        Map.of(AuditKeys.ACTOR_ROLE, "CUSTOMER", AuditKeys.ACTOR_ID, "member-2"))
                .expectException(NotYourPoints.class);
    }

    @Test
    void aMemberWhoRunsAShopStillSpendsTheirOwnPoints() {
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S2"), 100, "order-9"),
                        Map.of(AuditKeys.ACTOR_ROLE, "SELLER", AuditKeys.ACTOR_ID, MEMBER.value(),
                                AuditKeys.ACTOR_SELLER_ID, "s-1"))
                .expectEvents(spent("S2", 100, from("A", 100)));
    }

    @Test
    void aSystemActorSpendsPointsForTheMember() {
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S2"), 600, "order-9"), system())
                .expectEvents(spent("S2", 600, from("A", 600)));
    }

    @Test
    void aMemberCannotSpendFromAnotherAccountByNamingThemselvesInTheCommand() {
        // the account's member is taken from the target id: naming oneself in the command does not help
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .when(new SpendPoints(ACCOUNT, MemberId.of("member-2"), id("S2"), 100, "order-9"),
                        Map.of(AuditKeys.ACTOR_ROLE, "CUSTOMER", AuditKeys.ACTOR_ID, "member-2"))
                .expectException(NotYourPoints.class);
    }

    @Test
    void supportIsRefusedBeforeTheInputIsLookedAt() {
        fixture.givenNoPriorActivity()
                .when(new AdjustPoints(ACCOUNT, MemberId.of("someone-else"), null, 0, null), actingAs(ActorRole.SUPPORT))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(purchase("order-1", 10_000), Map.of())
                .expectException(OnlySystemActors.class);
        fixture.givenNoPriorActivity()
                .when(new SpendPoints(ACCOUNT, MEMBER, id("S2"), 1, "order-9"), Map.of())
                .expectException(NotYourPoints.class);
    }

    // ---- closing

    @Test
    void closingForfeitsTheAvailableAndThePendingPoints() {
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .when(new CloseRewards(ACCOUNT, MEMBER, "member withdrew"), system())
                .expectEvents(new RewardsClosed(ACCOUNT, MEMBER, 1_100, "member withdrew"))
                .expectResultMessagePayload(5L);
    }

    @Test
    void closingAnUntouchedAccountRecordsItsClosure() {
        fixture.givenNoPriorActivity()
                .when(new CloseRewards(ACCOUNT, MEMBER, "member withdrew"), system())
                .expectEvents(new RewardsClosed(ACCOUNT, MEMBER, 0, "member withdrew"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void closingTwiceChangesNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .andGiven(new RewardsClosed(ACCOUNT, MEMBER, 1_100, "member withdrew"))
                .when(new CloseRewards(ACCOUNT, MEMBER, "member withdrew"), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(5L);
    }

    static Stream<Object[]> commandsAClosedAccountRefuses() {
        return Stream.of(
                new Object[]{purchase("order-2", 10_000), system()},
                new Object[]{new SpendPoints(ACCOUNT, MEMBER, id("S2"), 100, "order-9"), theMember()},
                new Object[]{new RefundPoints(ACCOUNT, MEMBER, id("S1"), 100, "cancelled"), system()},
                new Object[]{new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 100, "goodwill"), admin()},
                new Object[]{new ChangeGrade(ACCOUNT, MEMBER, "VIP", "goodwill"), admin()});
    }

    @ParameterizedTest
    @MethodSource("commandsAClosedAccountRefuses")
    void aClosedAccountRefusesEveryChange(Object command, Map<String, Object> actor) {
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .andGiven(new RewardsClosed(ACCOUNT, MEMBER, 1_100, "member withdrew"))
                .when(command, actor)
                .expectNoEvents()
                .expectException(RewardsAccountClosed.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    static Stream<Object> scheduledCommandsOnAClosedAccount() {
        return Stream.of(new MakePointsAvailable(ACCOUNT, id("P")), new ExpirePoints(ACCOUNT, id("A")),
                new ReviewGrade(ACCOUNT));
    }

    @ParameterizedTest
    @MethodSource("scheduledCommandsOnAClosedAccount")
    void scheduledCommandsOnAClosedAccountDoNothing(Object command) {
        // the scheduler still holds items for the account; they must run out quietly, not pile up as failures
        fixture.givenCurrentTime(T0)
                .andGiven(anActiveLedger())
                .andGiven(new RewardsClosed(ACCOUNT, MEMBER, 1_100, "member withdrew"))
                .andGivenCurrentTime(T0.plus(Duration.ofDays(800)))
                .when(command, system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(5L);
    }
}
