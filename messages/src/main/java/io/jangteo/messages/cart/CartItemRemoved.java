package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import org.axonframework.serialization.Revision;

/** A line was taken out of the cart; it held {@code quantity}. */
@Revision("1")
public record CartItemRemoved(CartId cartId, MemberId memberId, ProductId productId, VariantId variantId,
                              long quantity) {
}
