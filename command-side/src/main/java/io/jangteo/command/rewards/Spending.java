package io.jangteo.command.rewards;

import io.jangteo.messages.rewards.PointsAllocation;
import io.jangteo.messages.rewards.PointsEntryId;

import java.util.ArrayList;
import java.util.List;

/**
 * A spending and what of it can still be refunded, per earning it used, in the order it used them (soonest-expiring
 * first).
 */
record Spending(PointsEntryId spendId, long points, List<PointsAllocation> refundable) {

    Spending {
        refundable = List.copyOf(refundable);
    }

    long refundableTotal() {
        return refundable.stream().mapToLong(PointsAllocation::points).sum();
    }

    Spending refunded(List<PointsAllocation> refund) {
        List<PointsAllocation> left = new ArrayList<>();
        for (PointsAllocation allocation : refundable) {
            long back = refund.stream().filter(r -> r.entryId().equals(allocation.entryId()))
                    .mapToLong(PointsAllocation::points).sum();
            left.add(new PointsAllocation(allocation.entryId(), allocation.points() - back));
        }
        return new Spending(spendId, points, left);
    }
}
