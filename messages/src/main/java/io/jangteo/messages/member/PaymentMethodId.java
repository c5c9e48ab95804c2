package io.jangteo.messages.member;

import io.jangteo.messages.shared.Ids;

/** Identifies one stored payment method (브랜드페이) of a member. */
public record PaymentMethodId(String value) {
    public PaymentMethodId {
        Ids.checked(value, "paymentMethodId");
    }

    public static PaymentMethodId of(String value) {
        return new PaymentMethodId(value);
    }

    public static PaymentMethodId random() {
        return new PaymentMethodId(Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
