package io.jangteo.messages.member;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Store a payment method (브랜드페이): {@code authKey} is what the provider's card widget handed the browser; the
 * command side trades it for a billing key. A card number never reaches Jangteo. At most 5 methods; the first
 * becomes the default. Only the member may.
 */
public record RegisterPaymentMethod(@TargetAggregateIdentifier MemberId memberId, PaymentMethodId paymentMethodId,
                                    String provider, String authKey) {
    public RegisterPaymentMethod {
        Objects.requireNonNull(memberId, "memberId");
    }
}
