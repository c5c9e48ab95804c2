package io.jangteo.messages.order;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;

/** A cancelled line and the stock it gives back. */
public record CancelledLine(String lineId, ProductId productId, VariantId variantId, long quantity) {
}
