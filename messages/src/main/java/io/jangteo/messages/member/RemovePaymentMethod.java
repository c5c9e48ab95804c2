package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remove a stored method (the member, or support/admin with a reason); its billing key is deleted at the provider.
 */
public record RemovePaymentMethod(@TargetAggregateIdentifier MemberId memberId, PaymentMethodId paymentMethodId,
                                  String reason) {
    public RemovePaymentMethod {
        Objects.requireNonNull(memberId, "memberId");
    }
}
