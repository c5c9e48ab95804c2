package io.jangteo.graphql.cart;

import io.jangteo.graphql.cart.CartQuotes.DestinationInput;
import io.jangteo.graphql.cart.CartQuotes.Prepared;
import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.OrderQuoteResult;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import io.jangteo.messages.shipping.Destination;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a cart asks for its quote, and how the quote's errors come to name the cart's items. */
class CartQuotesTest {

    private static final MemberId MEMBER = MemberId.of("member-1");
    private static final CartView MEMBERS = new CartView(CartId.ofMember(MEMBER), MEMBER, List.of(), null, 3);
    private static final CartView GUESTS = new CartView(CartId.ofGuest("AAAAAAAAAAAAAAAAAAAAAA"), null, List.of(),
            null, 3);
    private static final DestinationInput SEOUL = new DestinationInput(" kr ", " 04524 ");

    private static CartItemNode item(String productId, boolean purchasable) {
        return new CartItemNode(productId, "v1", null, "녹차", List.of(), null, "s-1", null, Money.won(1_000),
                Money.won(2_000), 2, 5L, purchasable, purchasable ? null : CartItemNode.UnavailableReason.SOLD_OUT,
                null);
    }

    private static UserError refusal(CartView cart, List<CartItemNode> items, DestinationInput destination,
                                     String coupon, Long points) {
        return catchThrowableOfType(CartQuotes.Refused.class,
                () -> CartQuotes.prepare(cart, items, destination, coupon, points)).error();
    }

    @Test
    void onlyThePurchasableLinesAreQuotedForTheCartsMember() {
        Prepared prepared = CartQuotes.prepare(MEMBERS, List.of(item("p-1", false), item("p-2", true),
                item("p-3", true)), SEOUL, " welcome-10 ", 500L);

        assertThat(prepared.query().buyerId()).isEqualTo(MEMBER);
        assertThat(prepared.query().lines()).containsExactly(
                new OrderLineInput(ProductId.of("p-2"), VariantId.of("v1"), 2),
                new OrderLineInput(ProductId.of("p-3"), VariantId.of("v1"), 2));
        assertThat(prepared.query().destination()).isEqualTo(new Destination("KR", "04524"));
        assertThat(prepared.query().couponId()).isEqualTo(CouponId.of("WELCOME-10"));
        assertThat(prepared.query().points()).isEqualTo(500);
        assertThat(prepared.itemIndexes()).containsExactly(1, 2);
    }

    @Test
    void whatCannotBeQuotedIsRefusedBeforeAsking() {
        List<CartItemNode> one = List.of(item("p-1", true));
        assertThat(refusal(GUESTS, one, SEOUL, null, 100L))
                .isEqualTo(new UserError(ErrorCode.INVALID_INPUT, List.of("points"), "Sign in to spend points"));
        assertThat(refusal(MEMBERS, one, SEOUL, null, -1L).field()).containsExactly("points");
        assertThat(refusal(MEMBERS, one, SEOUL, "x", 0L))
                .isEqualTo(new UserError(ErrorCode.NOT_FOUND, List.of("couponCode"), "No such coupon"));
        assertThat(refusal(MEMBERS, one, new DestinationInput(" ", null), null, 0L).field())
                .containsExactly("destination", "country");
        assertThat(refusal(MEMBERS, List.of(), SEOUL, null, 0L))
                .isEqualTo(new UserError(ErrorCode.INVALID_INPUT, List.of("items"), "The cart is empty"));
        assertThat(refusal(MEMBERS, List.of(item("p-1", false)), SEOUL, null, 0L).code())
                .isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    void theQuotesErrorsNameTheCartsItemsAndThisFieldsArguments() {
        OrderQuoteResult result = new OrderQuoteResult(null, List.of(
                new RuleViolation(ErrorCode.OUT_OF_STOCK, List.of("lines", "1", "quantity"), "only 1 left"),
                new RuleViolation(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId"), "expired"),
                new RuleViolation(ErrorCode.NOT_SHIPPABLE, List.of("destination"), "not to JP")));

        CartQuoteNode node = CartQuotes.node(result, List.of(1, 2));

        assertThat(node.errors()).containsExactly(
                new UserError(ErrorCode.OUT_OF_STOCK, List.of("items", "2", "quantity"), "only 1 left"),
                new UserError(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponCode"), "expired"),
                new UserError(ErrorCode.NOT_SHIPPABLE, List.of("destination"), "not to JP"));
        assertThat(node.lines()).isEmpty();
        assertThat(node.amountToPay()).isNull();
    }
}
