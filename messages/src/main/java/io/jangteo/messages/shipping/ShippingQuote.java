package io.jangteo.messages.shipping;

import io.jangteo.messages.shared.Money;
import java.util.List;

/** Shipping fees per seller, in the order the sellers first appear in the lines, and their total. */
public record ShippingQuote(List<SellerShippingFee> sellers, Money total) {
    public ShippingQuote {
        sellers = List.copyOf(sellers);
    }
}
