package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductRecategorized(ProductId productId, SellerId sellerId, CategoryId previousCategoryId,
                                   CategoryId categoryId) {
}
