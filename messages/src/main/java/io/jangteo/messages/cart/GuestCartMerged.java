package io.jangteo.messages.cart;

import io.jangteo.messages.member.MemberId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A guest's cart handed all its {@code lines} over to the cart of the member who signed in with its token
 * ({@code intoCartId}) and is empty now. Stored with the member cart's {@link CartsMerged}, in one transaction.
 */
@Revision("1")
public record GuestCartMerged(CartId cartId, CartId intoCartId, MemberId memberId, List<CartLine> lines) {
    public GuestCartMerged {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
