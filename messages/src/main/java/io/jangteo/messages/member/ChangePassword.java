package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member changes their own password; nobody else may. Revokes the member's sessions. */
public record ChangePassword(@TargetAggregateIdentifier MemberId memberId, String currentPassword, String newPassword) {
    public ChangePassword {
        Objects.requireNonNull(memberId, "memberId");
    }
}
