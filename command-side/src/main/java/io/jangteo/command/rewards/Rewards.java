package io.jangteo.command.rewards;

import io.jangteo.command.shared.Reasons;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.AdjustPoints;
import io.jangteo.messages.rewards.ChangeGrade;
import io.jangteo.messages.rewards.CloseRewards;
import io.jangteo.messages.rewards.ExpirePoints;
import io.jangteo.messages.rewards.GradeRule;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.rewards.MakePointsAvailable;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PointsAllocation;
import io.jangteo.messages.rewards.PointsBecameAvailable;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.PointsExpired;
import io.jangteo.messages.rewards.PointsPolicy;
import io.jangteo.messages.rewards.PointsRefunded;
import io.jangteo.messages.rewards.PointsSpent;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.RecordPurchaseConfirmed;
import io.jangteo.messages.rewards.RefundPoints;
import io.jangteo.messages.rewards.ReviewGrade;
import io.jangteo.messages.rewards.RewardsClosed;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's rewards account: the points ledger (적립금) and the grade (회원등급).
 * <p>
 * It opens with whichever command comes first (a confirmed purchase, an admin's adjustment or grade, a withdrawal);
 * an account nobody has touched behaves as an empty one at the lowest grade, so every handler creates it if missing
 * and every event names the account. Handlers return the account's version (the sequence number of its last event,
 * -1 while it has none), so the API can wait until the read model shows exactly this change.
 * <p>
 * The grade table and the points policy are configuration (beans at runtime): a purchase earns at the rate of the
 * grade held when it is confirmed; a grade is evaluated on the table in force at the time, and a grade set by hand
 * holds until the next evaluation (a purchase or a scheduled review) decides otherwise.
 */
@Aggregate(cache = "aggregateCache")
public class Rewards {

    @AggregateIdentifier
    private RewardsId rewardsId;
    private MemberId memberId;
    /** By order id, in the order recorded; kept after they leave the window, for idempotence. */
    private final Map<String, Purchase> purchases = new LinkedHashMap<>();
    /** In the order earned, which breaks ties between equal expiries. */
    private final Map<PointsEntryId, Earning> earnings = new LinkedHashMap<>();
    private final Map<PointsEntryId, Spending> spendings = new LinkedHashMap<>();
    private final Map<PointsEntryId, Long> adjustments = new LinkedHashMap<>();
    /** Null until the first grade change: the table's lowest grade applies. */
    private String grade;
    private boolean closed;
    private long version = -1;

    protected Rewards() {
        // for Axon, and as the empty account the first command starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RecordPurchaseConfirmed command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                GradeTable gradeTable, PointsPolicy pointsPolicy) {
        RewardsAccessPolicy.assertSystem(actorRole);
        RewardsRules.assertOpen(closed);
        MemberId member = RewardsRules.sameMember(command.rewardsId(), command.memberId());
        String orderId = RewardsRules.orderId(command.orderId());
        Money amount = RewardsRules.purchaseAmount(command.amount(), gradeTable.currency());
        Purchase recorded = purchases.get(orderId);
        if (recorded != null) {
            RewardsRules.assertSamePurchase(recorded, amount);
            return version;
        }
        Instant now = now();
        // the rate is the grade's the member held when buying: this purchase may lift the grade, for later ones
        GradeRule earningGrade = GradeRules.current(gradeTable, grade);
        apply(new PurchaseRecorded(command.rewardsId(), member, orderId, amount));
        long points = PointsRules.earned(amount.amount(), earningGrade.pointsRatePermille());
        if (points > 0) {
            PointsEntryId entryId = PointsEntryId.random();
            Instant availableAt = now.plus(pointsPolicy.pendingPeriod());
            apply(new PointsEarned(command.rewardsId(), member, entryId, points, orderId, earningGrade.code(),
                    earningGrade.pointsRatePermille(), availableAt, now.plus(pointsPolicy.validity())));
            if (!availableAt.isAfter(now)) {
                // no pending period: spendable at once rather than after the scheduler's next round
                apply(new PointsBecameAvailable(command.rewardsId(), member, entryId, points));
            }
        }
        evaluateGrade(command.rewardsId(), member, gradeTable, now);
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ReviewGrade command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole, GradeTable gradeTable) {
        RewardsAccessPolicy.assertSystem(actorRole);
        if (!closed) {
            evaluateGrade(command.rewardsId(), member(command.rewardsId()), gradeTable, now());
        }
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ChangeGrade command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole, GradeTable gradeTable) {
        RewardsAccessPolicy.assertAdmin(actorRole);
        RewardsRules.assertOpen(closed);
        MemberId member = RewardsRules.sameMember(command.rewardsId(), command.memberId());
        GradeRule target = GradeRules.existing(gradeTable, command.grade());
        String reason = Reasons.required(command.reason());
        String current = GradeRules.currentCode(gradeTable, grade);
        if (!target.code().equals(current)) {
            Instant now = now();
            apply(new MemberGradeChanged(command.rewardsId(), member, current, target.code(), GradeRules.MANUAL,
                    GradeRules.totalWithin(gradeTable, purchases.values(), now),
                    GradeRules.windowStart(gradeTable, now), reason));
        }
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SpendPoints command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        RewardsAccessPolicy.assertMaySpend(command.rewardsId(), actorRole, actorId);
        RewardsRules.assertOpen(closed);
        MemberId member = RewardsRules.sameMember(command.rewardsId(), command.memberId());
        PointsEntryId spendId = PointsRules.entryId(command.spendId(), "spendId");
        long points = PointsRules.points(command.points());
        Spending earlier = spendings.get(spendId);
        if (earlier != null) {
            if (earlier.points() != points) {
                throw new PointsRules.EntryIdTaken("spendId");
            }
            return version;
        }
        assertUnused(spendId, "spendId");
        List<PointsAllocation> allocations = PointsRules.soonestExpiringFirst(earnings.values(), now(), points);
        apply(new PointsSpent(command.rewardsId(), member, spendId, points, command.orderId(), allocations));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RefundPoints command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        RewardsAccessPolicy.assertSystemOrAdmin(actorRole);
        RewardsRules.assertOpen(closed);
        MemberId member = RewardsRules.sameMember(command.rewardsId(), command.memberId());
        PointsEntryId spendId = PointsRules.entryId(command.spendId(), "spendId");
        long points = PointsRules.points(command.points());
        String reason = Reasons.required(command.reason());
        Spending spending = spendings.get(spendId);
        if (spending == null) {
            throw new PointsRules.UnknownSpending();
        }
        // points given back to an earning already past its expiry are expired by the next ExpirePoints for it
        apply(new PointsRefunded(command.rewardsId(), member, spendId, points, reason,
                PointsRules.latestExpiringFirst(spending, points)));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(AdjustPoints command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                PointsPolicy pointsPolicy) {
        RewardsAccessPolicy.assertAdmin(actorRole);
        RewardsRules.assertOpen(closed);
        MemberId member = RewardsRules.sameMember(command.rewardsId(), command.memberId());
        PointsEntryId entryId = PointsRules.entryId(command.entryId(), "entryId");
        long delta = PointsRules.delta(command.delta());
        String reason = Reasons.required(command.reason());
        Long earlier = adjustments.get(entryId);
        if (earlier != null) {
            if (earlier != delta) {
                throw new PointsRules.EntryIdTaken("entryId");
            }
            return version;
        }
        assertUnused(entryId, "entryId");
        Instant now = now();
        if (delta > 0) {
            apply(new PointsAdjusted(command.rewardsId(), member, entryId, delta, reason,
                    now.plus(pointsPolicy.validity()), List.of()));
        } else {
            apply(new PointsAdjusted(command.rewardsId(), member, entryId, delta, reason, null,
                    PointsRules.soonestExpiringFirst(earnings.values(), now, -delta)));
        }
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(MakePointsAvailable command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        RewardsAccessPolicy.assertSystem(actorRole);
        if (closed) {
            return version;
        }
        Earning earning = earning(command.entryId());
        if (earning.dueForAvailabilityAt(now())) {
            apply(new PointsBecameAvailable(rewardsId, memberId, earning.entryId(), earning.remaining()));
        }
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ExpirePoints command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        RewardsAccessPolicy.assertSystem(actorRole);
        if (closed) {
            return version;
        }
        Earning earning = earning(command.entryId());
        // what remains: spent points are gone already, and points refunded after an expiry expire again here
        if (earning.dueForExpiryAt(now())) {
            apply(new PointsExpired(rewardsId, memberId, earning.entryId(), earning.remaining()));
        }
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(CloseRewards command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        RewardsAccessPolicy.assertSystem(actorRole);
        if (closed) {
            return version;
        }
        MemberId member = RewardsRules.sameMember(command.rewardsId(), command.memberId());
        String reason = Reasons.required(command.reason());
        // everything the ledger still holds, pending or past its expiry but not yet expired, so the ledger ends at 0
        long forfeited = earnings.values().stream().mapToLong(Earning::remaining).sum();
        apply(new RewardsClosed(command.rewardsId(), member, forfeited, reason));
        return version;
    }

    private void evaluateGrade(RewardsId account, MemberId member, GradeTable gradeTable, Instant now) {
        Money total = GradeRules.totalWithin(gradeTable, purchases.values(), now);
        GradeRule reached = gradeTable.gradeFor(total.amount());
        String current = GradeRules.currentCode(gradeTable, grade);
        if (!reached.code().equals(current)) {
            apply(new MemberGradeChanged(account, member, current, reached.code(),
                    GradeRules.rule(reached, gradeTable, total), total, GradeRules.windowStart(gradeTable, now),
                    null));
        }
    }

    /** What the member could spend at {@code now}; derived, never stored. */
    long availablePoints(Instant now) {
        return PointsRules.available(earnings.values(), now);
    }

    private Earning earning(PointsEntryId entryId) {
        Earning earning = earnings.get(PointsRules.entryId(entryId, "entryId"));
        if (earning == null) {
            throw new PointsRules.UnknownEarning();
        }
        return earning;
    }

    /** One id, one movement: a spending may not reuse an earning's or an adjustment's id, nor the reverse. */
    private void assertUnused(PointsEntryId entryId, String field) {
        if (earnings.containsKey(entryId) || spendings.containsKey(entryId) || adjustments.containsKey(entryId)) {
            throw new PointsRules.EntryIdTaken(field);
        }
    }

    private MemberId member(RewardsId account) {
        return memberId != null ? memberId : account.memberId();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // ---- state: every event may be an account's first, so each one names it

    @EventSourcingHandler
    void on(PurchaseRecorded event, @Timestamp Instant recordedAt, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        purchases.put(event.orderId(), new Purchase(event.orderId(), event.amount(), recordedAt));
    }

    @EventSourcingHandler
    void on(PointsEarned event, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        earnings.put(event.entryId(), new Earning(event.entryId(), event.points(), event.points(),
                event.availableAt(), event.expiresAt(), false));
    }

    @EventSourcingHandler
    void on(PointsBecameAvailable event, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        earnings.computeIfPresent(event.entryId(), (id, earning) -> earning.madeAvailable());
    }

    @EventSourcingHandler
    void on(PointsSpent event, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        take(event.allocations());
        spendings.put(event.spendId(), new Spending(event.spendId(), event.points(), event.allocations()));
    }

    @EventSourcingHandler
    void on(PointsRefunded event, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        for (PointsAllocation allocation : event.allocations()) {
            earnings.computeIfPresent(allocation.entryId(), (id, earning) -> earning.plus(allocation.points()));
        }
        spendings.computeIfPresent(event.spendId(), (id, spending) -> spending.refunded(event.allocations()));
    }

    @EventSourcingHandler
    void on(PointsExpired event, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        earnings.computeIfPresent(event.entryId(), (id, earning) -> earning.plus(-event.points()));
    }

    @EventSourcingHandler
    void on(PointsAdjusted event, @Timestamp Instant adjustedAt, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        adjustments.put(event.entryId(), event.delta());
        if (event.delta() > 0) {
            earnings.put(event.entryId(), new Earning(event.entryId(), event.delta(), event.delta(), adjustedAt,
                    event.expiresAt(), true));
        } else {
            take(event.allocations());
        }
    }

    @EventSourcingHandler
    void on(MemberGradeChanged event, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        grade = event.grade();
    }

    @EventSourcingHandler
    void on(RewardsClosed event, @SequenceNumber long sequenceNumber) {
        identify(event.rewardsId(), event.memberId(), sequenceNumber);
        closed = true;
        // forfeited: nothing is left to spend, refund or expire
        earnings.clear();
        spendings.clear();
    }

    private void take(List<PointsAllocation> allocations) {
        for (PointsAllocation allocation : allocations) {
            earnings.computeIfPresent(allocation.entryId(), (id, earning) -> earning.plus(-allocation.points()));
        }
    }

    private void identify(RewardsId account, MemberId member, long sequenceNumber) {
        rewardsId = account;
        memberId = member;
        version = sequenceNumber;
    }
}
