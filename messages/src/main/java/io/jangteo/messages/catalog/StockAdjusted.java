package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StockAdjusted(ProductId productId, SellerId sellerId, VariantId variantId, long delta, String reason,
                            long onHand, long reserved) {
}
