package io.jangteo.messages.shipping;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.Objects;

/** One line of a cart or order as the fee calculator needs it: whose, how heavy in total, and the line's total amount. */
public record ShippingLine(SellerId sellerId, long weightGrams, Money amount) {
    public ShippingLine {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(amount, "amount");
        if (weightGrams < 0) {
            throw new IllegalArgumentException("weight cannot be negative");
        }
    }
}
