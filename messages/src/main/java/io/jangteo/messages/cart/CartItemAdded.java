package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import org.axonframework.serialization.Revision;

/**
 * {@code added} units of a variant went into a cart, which now holds {@code quantity} of it ({@code added} when the
 * line is new). {@code memberId} is the cart's member, null for a guest's cart.
 */
@Revision("1")
public record CartItemAdded(CartId cartId, MemberId memberId, ProductId productId, VariantId variantId, long added,
                            long quantity) {
}
