package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import org.axonframework.serialization.Revision;

/** A line's quantity was set from {@code previousQuantity} to {@code quantity}. */
@Revision("1")
public record CartItemQuantityChanged(CartId cartId, MemberId memberId, ProductId productId, VariantId variantId,
                                      long previousQuantity, long quantity) {
}
