package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import java.util.List;

/** A variant as events record it: price = product base price + {@code priceDelta}. */
public record ProductVariant(VariantId variantId, String sku, List<String> optionValues, Money priceDelta,
                             long weightGrams, VariantStatus status) {
    public ProductVariant {
        optionValues = List.copyOf(optionValues);
    }
}
