package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import java.util.List;

/** A variant now: {@code price} = base + delta; {@code available} = on hand − reserved. */
public record VariantView(String variantId, String sku, List<String> optionValues, Money priceDelta, Money price,
                          long weightGrams, VariantStatus status, long onHand, long reserved, long available) {
    public VariantView {
        optionValues = List.copyOf(optionValues);
    }
}
