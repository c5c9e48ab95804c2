package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

/** Applied by the product itself when no active variant has available stock left while it is {@code ON_SALE}. */
@Revision("1")
public record ProductSoldOut(ProductId productId, SellerId sellerId) {
}
