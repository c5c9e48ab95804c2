package io.jangteo.messages.rewards;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The scheduler re-evaluates the grade as purchases leave the window. */
public record ReviewGrade(@TargetAggregateIdentifier RewardsId rewardsId) {
    public ReviewGrade {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
