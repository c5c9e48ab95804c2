package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A product's description, brand and tags as they are after the change. */
@Revision("1")
public record ProductDescribed(ProductId productId, SellerId sellerId, String description, String brand,
                               List<String> tags) {
}
