package io.jangteo.messages.cart;

import io.jangteo.messages.member.MemberId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A guest's cart ({@code sourceCartId}) was merged into the member's cart: {@code lines} are the lines it changed or
 * added, in the guest cart's order, with the quantities they hold now. {@code leftOut} are guest lines that did not
 * fit (the cart holds a limited number of lines); they are gone with the emptied guest cart.
 */
@Revision("1")
public record CartsMerged(CartId cartId, MemberId memberId, CartId sourceCartId, List<MergedCartLine> lines,
                          List<CartLine> leftOut) {
    public CartsMerged {
        lines = lines == null ? List.of() : List.copyOf(lines);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }
}
