package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

/** Carries the previous name too, so history can show "before → after" without replaying. */
@Revision("1")
public record ProductRenamed(ProductId productId, SellerId sellerId, String previousName, String name) {
}
