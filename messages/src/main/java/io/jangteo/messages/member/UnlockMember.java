package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Support or admin lift a lock-out before it expires, with a reason. */
public record UnlockMember(@TargetAggregateIdentifier MemberId memberId, String reason) {
    public UnlockMember {
        Objects.requireNonNull(memberId, "memberId");
    }
}
