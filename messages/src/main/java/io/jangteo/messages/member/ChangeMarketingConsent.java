package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give or withdraw consent to marketing on one channel: the member, or support/admin with a reason. */
public record ChangeMarketingConsent(@TargetAggregateIdentifier MemberId memberId, MarketingChannel channel,
                                     boolean granted, String reason) {
    public ChangeMarketingConsent {
        Objects.requireNonNull(memberId, "memberId");
    }
}
