package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give back (part of) a spending, to the earnings it used: system actors (cancel, refund) and admins. At most what
 * that spending used and was not yet refunded.
 */
public record RefundPoints(@TargetAggregateIdentifier RewardsId rewardsId, MemberId memberId, PointsEntryId spendId,
                           long points, String reason) {
    public RefundPoints {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
