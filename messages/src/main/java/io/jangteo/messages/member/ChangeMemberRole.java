package io.jangteo.messages.member;

import io.jangteo.messages.shared.ActorRole;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin makes a member CUSTOMER, SUPPORT, ANALYST or ADMIN, with a reason. SELLER comes only from an approved
 * shop.
 */
public record ChangeMemberRole(@TargetAggregateIdentifier MemberId memberId, ActorRole role, String reason) {
    public ChangeMemberRole {
        Objects.requireNonNull(memberId, "memberId");
    }
}
