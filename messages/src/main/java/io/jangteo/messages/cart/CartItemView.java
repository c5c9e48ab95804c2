package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import java.time.Instant;

/** One line of a cart: a variant and how many; prices are never stored in a cart, they are quoted when shown. */
public record CartItemView(ProductId productId, VariantId variantId, long quantity, Instant addedAt) {
}
