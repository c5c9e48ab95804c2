package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin sets a grade by hand, with a reason. It holds until the next evaluation changes it. */
public record ChangeGrade(@TargetAggregateIdentifier RewardsId rewardsId, MemberId memberId, String grade,
                          String reason) {
    public ChangeGrade {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
