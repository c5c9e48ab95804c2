package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BasePriceChanged(ProductId productId, SellerId sellerId, Money previousBasePrice, Money basePrice) {
}
