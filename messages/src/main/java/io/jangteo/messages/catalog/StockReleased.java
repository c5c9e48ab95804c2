package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StockReleased(ProductId productId, SellerId sellerId, VariantId variantId, ReservationId reservationId,
                            long quantity, long onHand, long reserved) {
}
