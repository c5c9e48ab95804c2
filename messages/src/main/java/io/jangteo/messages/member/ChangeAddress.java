package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace an address: the member, or support/admin with a reason. */
public record ChangeAddress(@TargetAggregateIdentifier MemberId memberId, AddressId addressId, Address address,
                            String reason) {
    public ChangeAddress {
        Objects.requireNonNull(memberId, "memberId");
    }
}
