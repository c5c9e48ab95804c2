package io.jangteo.messages.shipping;

import io.jangteo.messages.catalog.ProductId;
import java.util.List;
import java.util.Objects;

/**
 * Quote shipping for a cart-like list of variants to a destination. Answers a {@link ShippingQuoteResult}: the quote,
 * or the rule failures (unknown product or variant, destination not served) that prevent one.
 */
public record QuoteShippingQuery(List<Item> items, Destination destination) {
    public QuoteShippingQuery {
        items = List.copyOf(items);
        Objects.requireNonNull(destination, "destination");
    }

    public record Item(ProductId productId, String variantId, int quantity) {
    }
}
