package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

/** The product is listed again; {@code status} is {@code ON_SALE} or, with nothing available, {@code SOLD_OUT}. */
@Revision("1")
public record ProductPublished(ProductId productId, SellerId sellerId, ProductStatus status) {
}
