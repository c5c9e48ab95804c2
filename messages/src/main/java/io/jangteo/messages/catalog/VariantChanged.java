package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import org.axonframework.serialization.Revision;

/** A variant's SKU, price delta and weight after the change. */
@Revision("1")
public record VariantChanged(ProductId productId, SellerId sellerId, VariantId variantId, String sku,
                             Money priceDelta, long weightGrams) {
}
