package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

/** Stock events carry the variant's levels after the event, so read models set them rather than add up. */
@Revision("1")
public record StockReceived(ProductId productId, SellerId sellerId, VariantId variantId, long quantity, String reason,
                            long onHand, long reserved) {
}
