package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add an address to the book (at most 10): the member, or support/admin with a reason. The first address becomes
 * the default.
 */
public record AddAddress(@TargetAggregateIdentifier MemberId memberId, AddressId addressId, Address address,
                         boolean makeDefault, String reason) {
    public AddAddress {
        Objects.requireNonNull(memberId, "memberId");
    }
}
