package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remove an address: the member, or support/admin with a reason. If it was the default, the most recently added
 * remaining address becomes the default.
 */
public record RemoveAddress(@TargetAggregateIdentifier MemberId memberId, AddressId addressId, String reason) {
    public RemoveAddress {
        Objects.requireNonNull(memberId, "memberId");
    }
}
