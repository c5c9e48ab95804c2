package io.jangteo.messages.cart;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move a guest's cart into the member's own cart (the member, after signing in with the guest token): quantities of
 * the same variant add up, capped at the per-line limit, and the guest cart is emptied in the same transaction, so it
 * cannot be merged twice. Answers the member cart's version.
 */
public record MergeCarts(@TargetAggregateIdentifier CartId cartId, CartId sourceCartId) {
    public MergeCarts {
        Objects.requireNonNull(cartId, "cartId");
        Objects.requireNonNull(sourceCartId, "sourceCartId");
    }
}
