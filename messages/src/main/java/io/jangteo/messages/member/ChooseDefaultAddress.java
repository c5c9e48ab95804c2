package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make an address the default delivery address: the member, or support/admin with a reason. */
public record ChooseDefaultAddress(@TargetAggregateIdentifier MemberId memberId, AddressId addressId, String reason) {
    public ChooseDefaultAddress {
        Objects.requireNonNull(memberId, "memberId");
    }
}
