package io.jangteo.messages.rewards;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The scheduler moves a pending earning to available once its time has come; nothing happens before, or twice. */
public record MakePointsAvailable(@TargetAggregateIdentifier RewardsId rewardsId, PointsEntryId entryId) {
    public MakePointsAvailable {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
