package io.jangteo.command.cart;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * The limits of a cart and the shape of its id. The limits keep a cart something a person fills by hand (a bulk order
 * is another business), and keep every cart's events and read-model document small.
 */
final class CartRules {

    static final int MAX_LINES = 100;
    static final long MAX_QUANTITY = 999;

    private static final String MEMBER_PREFIX = "cart-";

    private CartRules() {
    }

    /**
     * The member a cart belongs to, or null for a guest's cart. An id of neither kind names no cart anybody could
     * have: answered like a missing one.
     */
    static MemberId memberOf(CartId cartId) {
        if (cartId.isGuest()) {
            return null;
        }
        if (cartId.value().startsWith(MEMBER_PREFIX)) {
            try {
                return MemberId.of(cartId.value().substring(MEMBER_PREFIX.length()));
            } catch (IllegalArgumentException blank) {
                // falls through
            }
        }
        throw new NotACart();
    }

    static long quantity(long quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new QuantityOutOfRange();
        }
        return quantity;
    }

    /** What a line holds after {@code added} more; refused past the limit rather than silently capped. */
    static long sum(long held, long added) {
        long total = held + added;
        if (total > MAX_QUANTITY) {
            throw new TooManyOfOneVariant(held);
        }
        return total;
    }

    /** A merge may not fail a sign-in over a limit: it caps instead. */
    static long cappedSum(long held, long added) {
        return Math.min(MAX_QUANTITY, held + added);
    }

    static void assertRoomForAnotherLine(int lines) {
        if (lines >= MAX_LINES) {
            throw new CartFull();
        }
    }

    static void assertGuestCart(CartId source) {
        if (!source.isGuest()) {
            throw new OnlyGuestCartsMerge();
        }
    }

    static final class NotACart extends DomainRuleViolation {
        NotACart() {
            super(ErrorCode.NOT_FOUND, List.of("cartId"), "No such cart");
        }
    }

    static final class QuantityOutOfRange extends DomainRuleViolation {
        QuantityOutOfRange() {
            super(ErrorCode.INVALID_INPUT, List.of("quantity"), "A quantity is 1 to " + MAX_QUANTITY);
        }
    }

    static final class TooManyOfOneVariant extends DomainRuleViolation {
        TooManyOfOneVariant(long held) {
            super(ErrorCode.INVALID_INPUT, List.of("quantity"),
                    "A cart holds at most " + MAX_QUANTITY + " of one item; this one holds " + held + " already");
        }
    }

    static final class CartFull extends DomainRuleViolation {
        CartFull() {
            super(ErrorCode.INVALID_INPUT, List.of(), "A cart holds at most " + MAX_LINES + " different items");
        }
    }

    static final class NoSuchLine extends DomainRuleViolation {
        NoSuchLine() {
            super(ErrorCode.NOT_FOUND, List.of("variantId"), "This item is not in the cart");
        }
    }

    static final class OnlyMemberCartsReceive extends DomainRuleViolation {
        OnlyMemberCartsReceive() {
            super(ErrorCode.INVALID_INPUT, List.of("cartId"), "Only a member's cart receives a guest cart");
        }
    }

    static final class OnlyGuestCartsMerge extends DomainRuleViolation {
        OnlyGuestCartsMerge() {
            super(ErrorCode.INVALID_INPUT, List.of("sourceCartId"), "Only a guest's cart can be merged into another");
        }
    }
}
