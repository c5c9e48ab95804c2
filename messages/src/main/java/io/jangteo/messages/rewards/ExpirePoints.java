package io.jangteo.messages.rewards;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The scheduler expires what is left of an earning once its validity has ended; nothing happens before, or twice.
 */
public record ExpirePoints(@TargetAggregateIdentifier RewardsId rewardsId, PointsEntryId entryId) {
    public ExpirePoints {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
