package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import java.util.List;
import java.util.Objects;

/**
 * A variant as a command describes it. {@code variantId} may be null: the product assigns one. {@code optionValues}
 * holds one value per option axis, in axis order. {@code initialStock} is received when the variant is created.
 */
public record VariantSpec(VariantId variantId, String sku, List<String> optionValues, Money priceDelta,
                          long weightGrams, long initialStock) {
    public VariantSpec {
        optionValues = optionValues == null ? List.of() : List.copyOf(optionValues);
        Objects.requireNonNull(priceDelta, "priceDelta");
    }
}
