package io.jangteo.messages.cart;

import io.jangteo.messages.order.OrderId;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take the lines of the ordered variants out of the cart the order was placed from (system actors, when the order is
 * placed); other lines stay. Idempotent per {@code orderId}.
 */
public record RemoveOrderedItems(@TargetAggregateIdentifier CartId cartId, OrderId orderId, List<CartItemKey> items) {
    public RemoveOrderedItems {
        Objects.requireNonNull(cartId, "cartId");
        Objects.requireNonNull(orderId, "orderId");
        items = items == null ? List.of() : List.copyOf(items);
    }
}
