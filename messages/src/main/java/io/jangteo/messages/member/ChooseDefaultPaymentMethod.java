package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a stored method the default. Only the member may. */
public record ChooseDefaultPaymentMethod(@TargetAggregateIdentifier MemberId memberId,
                                         PaymentMethodId paymentMethodId) {
    public ChooseDefaultPaymentMethod {
        Objects.requireNonNull(memberId, "memberId");
    }
}
