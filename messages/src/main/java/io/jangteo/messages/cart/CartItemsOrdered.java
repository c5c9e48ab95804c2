package io.jangteo.messages.cart;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The lines of the variants an order was placed for left the cart; {@code lines} hold what each line held. */
@Revision("1")
public record CartItemsOrdered(CartId cartId, MemberId memberId, OrderId orderId, List<CartLine> lines) {
    public CartItemsOrdered {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
