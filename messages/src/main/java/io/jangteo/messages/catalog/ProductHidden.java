package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductHidden(ProductId productId, SellerId sellerId) {
}
