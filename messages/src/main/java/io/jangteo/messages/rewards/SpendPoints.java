package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Use available points, those expiring first first (the member at checkout, or a system actor). More than
 * available is {@code INSUFFICIENT_POINTS}. Idempotent per {@code spendId}.
 */
public record SpendPoints(@TargetAggregateIdentifier RewardsId rewardsId, MemberId memberId, PointsEntryId spendId,
                          long points, String orderId) {
    public SpendPoints {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
