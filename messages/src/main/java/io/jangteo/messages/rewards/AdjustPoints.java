package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin corrects the balance, with a reason: a positive delta is available at once (expiring after the
 * validity); a negative one uses available points oldest-first and may not exceed them.
 */
public record AdjustPoints(@TargetAggregateIdentifier RewardsId rewardsId, MemberId memberId, PointsEntryId entryId,
                           long delta, String reason) {
    public AdjustPoints {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
