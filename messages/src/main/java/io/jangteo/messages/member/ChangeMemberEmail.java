package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change the member's e-mail (unique as at registration; the old one becomes free): the member, or support/admin
 * with a reason.
 */
public record ChangeMemberEmail(@TargetAggregateIdentifier MemberId memberId, String email, String reason) {
    public ChangeMemberEmail {
        Objects.requireNonNull(memberId, "memberId");
    }
}
