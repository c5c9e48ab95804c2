package io.jangteo.command.rewards;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.rewards.PointsAllocation;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.shared.ErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Rules of the points ledger. The balance is never stored: it is what the earnings have left, so it cannot drift
 * from the events, and it never goes negative because every outflow is allocated to earnings that hold the points.
 */
final class PointsRules {

    /** Far above any real movement, far enough below {@code Long.MAX_VALUE} that ledger sums cannot overflow. */
    static final long MAX_POINTS = 1_000_000_000L;

    private PointsRules() {
    }

    /** floor(amount * rate / 1000), computed in two parts so that no amount can overflow the product. */
    static long earned(long amount, int ratePermille) {
        return amount / 1000 * ratePermille + amount % 1000 * ratePermille / 1000;
    }

    static long points(long points) {
        if (points < 1 || points > MAX_POINTS) {
            throw new PointsOutOfRange("points");
        }
        return points;
    }

    static long delta(long delta) {
        if (delta == 0) {
            throw new ZeroAdjustment();
        }
        if (Math.abs(delta) > MAX_POINTS) {
            throw new PointsOutOfRange("delta");
        }
        return delta;
    }

    static PointsEntryId entryId(PointsEntryId entryId, String field) {
        if (entryId == null) {
            throw new EntryIdRequired(field);
        }
        return entryId;
    }

    static long available(Collection<Earning> earnings, Instant now) {
        return earnings.stream().filter(e -> e.spendableAt(now)).mapToLong(Earning::remaining).sum();
    }

    /**
     * Takes {@code points} from spendable earnings, those expiring soonest first so the member loses as little as
     * possible to expiry; among equal expiries the earliest earned first (the earnings come in the order earned and
     * the sort is stable).
     */
    static List<PointsAllocation> soonestExpiringFirst(Collection<Earning> earnings, Instant now, long points) {
        long available = available(earnings, now);
        if (points > available) {
            throw new InsufficientPoints(points, available);
        }
        List<PointsAllocation> allocations = new ArrayList<>();
        long left = points;
        for (Earning earning : earnings.stream().filter(e -> e.spendableAt(now))
                .sorted(Comparator.comparing(Earning::expiresAt)).toList()) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, earning.remaining());
            allocations.add(new PointsAllocation(earning.entryId(), taken));
            left -= taken;
        }
        return List.copyOf(allocations);
    }

    /**
     * Gives back {@code points} of a spending to the earnings it used, the latest-expiring first: those the member
     * would have kept longest, so a refund loses as little as possible to expiry.
     */
    static List<PointsAllocation> latestExpiringFirst(Spending spending, long points) {
        long refundable = spending.refundableTotal();
        if (points > refundable) {
            throw new RefundExceedsSpending(refundable);
        }
        List<PointsAllocation> allocations = new ArrayList<>();
        long left = points;
        List<PointsAllocation> used = spending.refundable();
        for (int i = used.size() - 1; i >= 0 && left > 0; i--) {
            long back = Math.min(left, used.get(i).points());
            if (back > 0) {
                allocations.add(new PointsAllocation(used.get(i).entryId(), back));
                left -= back;
            }
        }
        return List.copyOf(allocations);
    }

    static final class PointsOutOfRange extends DomainRuleViolation {
        PointsOutOfRange(String field) {
            super(ErrorCode.INVALID_INPUT, List.of(field), "Points are 1 to " + MAX_POINTS);
        }
    }

    static final class ZeroAdjustment extends DomainRuleViolation {
        ZeroAdjustment() {
            super(ErrorCode.INVALID_INPUT, List.of("delta"), "An adjustment must change the balance");
        }
    }

    static final class EntryIdRequired extends DomainRuleViolation {
        EntryIdRequired(String field) {
            super(ErrorCode.INVALID_INPUT, List.of(field), "A ledger entry id is required");
        }
    }

    /** An id names one movement: sent again with other content it is a different movement under a taken name. */
    static final class EntryIdTaken extends DomainRuleViolation {
        EntryIdTaken(String field) {
            super(ErrorCode.INVALID_INPUT, List.of(field), "This ledger entry id is already used for another movement");
        }
    }

    static final class InsufficientPoints extends DomainRuleViolation {
        InsufficientPoints(long asked, long available) {
            super(ErrorCode.INSUFFICIENT_POINTS, List.of("points"),
                    "Only " + available + " points are available; " + asked + " were asked for");
        }
    }

    static final class UnknownSpending extends DomainRuleViolation {
        UnknownSpending() {
            super(ErrorCode.INVALID_INPUT, List.of("spendId"), "No such spending of points on this account");
        }
    }

    static final class RefundExceedsSpending extends DomainRuleViolation {
        RefundExceedsSpending(long refundable) {
            super(ErrorCode.INVALID_INPUT, List.of("points"),
                    "At most " + refundable + " points of this spending can still be refunded");
        }
    }

    static final class UnknownEarning extends DomainRuleViolation {
        UnknownEarning() {
            super(ErrorCode.INVALID_INPUT, List.of("entryId"), "No such earning of points on this account");
        }
    }
}
