package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A purchase was confirmed (구매확정): it counts toward the grade and earns points at the current grade rate, pending
 * first. Sent by system actors (orders); idempotent per {@code orderId}. Opens the rewards account if missing.
 */
public record RecordPurchaseConfirmed(@TargetAggregateIdentifier RewardsId rewardsId, MemberId memberId,
                                      String orderId, Money amount) {
    public RecordPurchaseConfirmed {
        Objects.requireNonNull(rewardsId, "rewardsId");
    }
}
