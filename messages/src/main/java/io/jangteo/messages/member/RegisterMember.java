package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a member account. The e-mail must not belong to another (non-withdrawn) member, compared case-
 * insensitively. The password is hashed on the command side and never stored in an event. Anyone may register,
 * anonymous callers too.
 */
public record RegisterMember(@TargetAggregateIdentifier MemberId memberId, String email, String password, String name,
                             String phone, boolean emailMarketingConsent, boolean smsMarketingConsent) {
    public RegisterMember {
        Objects.requireNonNull(memberId, "memberId");
    }
}
