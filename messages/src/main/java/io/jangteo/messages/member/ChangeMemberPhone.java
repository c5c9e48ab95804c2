package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the member's phone: the member, or support/admin with a reason. */
public record ChangeMemberPhone(@TargetAggregateIdentifier MemberId memberId, String phone, String reason) {
    public ChangeMemberPhone {
        Objects.requireNonNull(memberId, "memberId");
    }
}
