package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a variant's SKU, price delta and weight. */
public record ChangeVariant(@TargetAggregateIdentifier ProductId productId, VariantId variantId, String sku,
                            Money priceDelta, long weightGrams) {
    public ChangeVariant {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(priceDelta, "priceDelta");
    }
}
