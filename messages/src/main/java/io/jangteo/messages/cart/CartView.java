package io.jangteo.messages.cart;

import io.jangteo.messages.member.MemberId;
import java.time.Instant;
import java.util.List;

/** A cart's lines in the order they were added; {@code memberId} null for a guest's. {@code version}: last sequence. */
public record CartView(CartId cartId, MemberId memberId, List<CartItemView> items, Instant updatedAt, long version) {
    public CartView {
        items = List.copyOf(items);
    }
}
