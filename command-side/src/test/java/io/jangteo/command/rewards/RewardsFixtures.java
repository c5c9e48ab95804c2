package io.jangteo.command.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.GradeRule;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.rewards.PointsAllocation;
import io.jangteo.messages.rewards.PointsBecameAvailable;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.PointsPolicy;
import io.jangteo.messages.rewards.PointsSpent;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.RecordPurchaseConfirmed;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builders shared by the rewards account's tests: a four-grade table over a year, 7 days pending, a year valid. */
final class RewardsFixtures {

    static final MemberId MEMBER = MemberId.of("member-1");
    static final RewardsId ACCOUNT = RewardsId.of(MEMBER);
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final Duration WINDOW = Duration.ofDays(365);
    static final Duration PENDING = Duration.ofDays(7);
    static final Duration VALIDITY = Duration.ofDays(365);
    static final GradeTable GRADES = new GradeTable(List.of(
            new GradeRule("BASIC", "일반", 0, 10),
            new GradeRule("SILVER", "실버", 300_000, 20),
            new GradeRule("GOLD", "골드", 1_000_000, 30),
            new GradeRule("VIP", "VIP", 3_000_000, 50)), "KRW", WINDOW);
    static final PointsPolicy POLICY = new PointsPolicy(PENDING, VALIDITY);

    private RewardsFixtures() {
    }

    static FixtureConfiguration<Rewards> fixture() {
        return fixture(POLICY);
    }

    static FixtureConfiguration<Rewards> fixture(PointsPolicy policy) {
        FixtureConfiguration<Rewards> fixture = new AggregateTestFixture<>(Rewards.class);
        fixture.registerInjectableResource(GRADES);
        fixture.registerInjectableResource(policy);
        return fixture;
    }

    static PointsEntryId id(String value) {
        return PointsEntryId.of(value);
    }

    static Money won(long amount) {
        return Money.won(amount);
    }

    static RecordPurchaseConfirmed purchase(String orderId, long amount) {
        return new RecordPurchaseConfirmed(ACCOUNT, MEMBER, orderId, won(amount));
    }

    static PurchaseRecorded recorded(String orderId, long amount) {
        return new PurchaseRecorded(ACCOUNT, MEMBER, orderId, won(amount));
    }

    /** Earned now (the fixture's current time) at the basic rate: pending for 7 days, valid for a year. */
    static PointsEarned earned(String entryId, long points, Instant at) {
        return new PointsEarned(ACCOUNT, MEMBER, id(entryId), points, "order-" + entryId, "BASIC", 10,
                at.plus(PENDING), at.plus(VALIDITY));
    }

    static PointsEarned earned(String entryId, long points, Instant availableAt, Instant expiresAt) {
        return new PointsEarned(ACCOUNT, MEMBER, id(entryId), points, "order-" + entryId, "BASIC", 10, availableAt,
                expiresAt);
    }

    static PointsBecameAvailable available(String entryId, long points) {
        return new PointsBecameAvailable(ACCOUNT, MEMBER, id(entryId), points);
    }

    static PointsSpent spent(String spendId, long points, PointsAllocation... allocations) {
        return new PointsSpent(ACCOUNT, MEMBER, id(spendId), points, "order-9", List.of(allocations));
    }

    static PointsAllocation from(String entryId, long points) {
        return new PointsAllocation(id(entryId), points);
    }

    static Map<String, Object> system() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.SYSTEM.name(), AuditKeys.ACTOR_ID, "system:points");
    }

    static Map<String, Object> admin() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.ADMIN.name(), AuditKeys.ACTOR_ID, "admin-1");
    }

    static Map<String, Object> theMember() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.CUSTOMER.name(), AuditKeys.ACTOR_ID, MEMBER.value());
    }

    static Map<String, Object> actingAs(ActorRole role) {
        return Map.of(AuditKeys.ACTOR_ROLE, role.name(), AuditKeys.ACTOR_ID, role.name().toLowerCase() + "-1");
    }
}
