package io.jangteo.messages.cart;

import java.util.Objects;

/** A cart by id; answers {@code Optional<CartView>} (empty when nothing was ever put in it). */
public record FindCartQuery(CartId cartId) {
    public FindCartQuery {
        Objects.requireNonNull(cartId, "cartId");
    }
}
