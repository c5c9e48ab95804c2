package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

/** Applied by the product itself when a {@code SOLD_OUT} product has available stock again. */
@Revision("1")
public record ProductBackInStock(ProductId productId, SellerId sellerId) {
}
