package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the member's name: the member, or support/admin with a reason. */
public record ChangeMemberName(@TargetAggregateIdentifier MemberId memberId, String name, String reason) {
    public ChangeMemberName {
        Objects.requireNonNull(memberId, "memberId");
    }
}
