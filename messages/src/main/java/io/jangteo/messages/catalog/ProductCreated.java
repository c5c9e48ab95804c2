package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductCreated(ProductId productId, SellerId sellerId, String name, Money price) {
}
