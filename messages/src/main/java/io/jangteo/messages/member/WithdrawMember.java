package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close the account (탈퇴): the member (with their password), or support/admin with a reason. Erases all personal
 * data.
 */
public record WithdrawMember(@TargetAggregateIdentifier MemberId memberId, String currentPassword, String reason) {
    public WithdrawMember {
        Objects.requireNonNull(memberId, "memberId");
    }
}
