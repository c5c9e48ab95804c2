package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member withdrew: remaining points are forfeited and the account takes no more commands except this one
 * again.
 */
public record CloseRewards(@TargetAggregateIdentifier RewardsId rewardsId, MemberId memberId, String reason) {
    public CloseRewards {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
