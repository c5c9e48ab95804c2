package io.jangteo.command.cart;

import io.jangteo.command.cart.CartAccessPolicy.NotYourCart;
import io.jangteo.command.cart.CartAccessPolicy.OnlySystemActors;
import io.jangteo.command.cart.CartRules.CartFull;
import io.jangteo.command.cart.CartRules.NoSuchLine;
import io.jangteo.command.cart.CartRules.NotACart;
import io.jangteo.command.cart.CartRules.QuantityOutOfRange;
import io.jangteo.command.cart.CartRules.TooManyOfOneVariant;
import io.jangteo.messages.cart.AddCartItem;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemQuantityChanged;
import io.jangteo.messages.cart.CartItemRemoved;
import io.jangteo.messages.cart.CartItemsOrdered;
import io.jangteo.messages.cart.CartsMerged;
import io.jangteo.messages.cart.ChangeCartItemQuantity;
import io.jangteo.messages.cart.GuestCartMerged;
import io.jangteo.messages.cart.MergedCartLine;
import io.jangteo.messages.cart.RemoveCartItem;
import io.jangteo.messages.cart.RemoveOrderedItems;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.jangteo.command.cart.CartFixtures.BLUE_L;
import static io.jangteo.command.cart.CartFixtures.GUEST_CART;
import static io.jangteo.command.cart.CartFixtures.MEMBER;
import static io.jangteo.command.cart.CartFixtures.MEMBER_CART;
import static io.jangteo.command.cart.CartFixtures.MUG;
import static io.jangteo.command.cart.CartFixtures.SHIRT;
import static io.jangteo.command.cart.CartFixtures.WHITE_M;
import static io.jangteo.command.cart.CartFixtures.actingAs;
import static io.jangteo.command.cart.CartFixtures.added;
import static io.jangteo.command.cart.CartFixtures.anonymous;
import static io.jangteo.command.cart.CartFixtures.fullOfShirts;
import static io.jangteo.command.cart.CartFixtures.key;
import static io.jangteo.command.cart.CartFixtures.line;
import static io.jangteo.command.cart.CartFixtures.system;
import static io.jangteo.command.cart.CartFixtures.theMember;
import static io.jangteo.command.shared.Violations.violation;

/** Adding, changing and removing lines; the limits; who may change a cart; ordered lines leaving it. */
class CartTest {

    private static final OrderId ORDER = OrderId.of("ord-1");

    private FixtureConfiguration<Cart> fixture;

    @BeforeEach
    void setUp() {
        fixture = CartFixtures.fixture();
    }

    // ---- adding

    @Test
    void aMembersFirstItemOpensTheirCart() {
        fixture.givenNoPriorActivity()
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 2), theMember())
                .expectEvents(added(MEMBER_CART, SHIRT, WHITE_M, 2, 2))
                .expectResultMessagePayload(0L);
    }

    @Test
    void addingAVariantTheCartHoldsAddsToItsQuantity() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 3), theMember())
                .expectEvents(added(MEMBER_CART, SHIRT, WHITE_M, 3, 5))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theSameVariantIdOfAnotherProductIsAnotherLine() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new AddCartItem(MEMBER_CART, MUG, WHITE_M, 1), theMember())
                .expectEvents(added(MEMBER_CART, MUG, WHITE_M, 1, 1));
    }

    @Test
    void anyoneHoldingAGuestCartsIdFillsIt() {
        fixture.givenNoPriorActivity()
                .when(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 1), anonymous())
                .expectEvents(added(GUEST_CART, SHIRT, WHITE_M, 1, 1));
        fixture.given(added(GUEST_CART, SHIRT, WHITE_M, 1))
                .when(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 1), theMember())
                .expectEvents(added(GUEST_CART, SHIRT, WHITE_M, 1, 2));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1000, Long.MAX_VALUE})
    void aQuantityIsOneTo999(long quantity) {
        fixture.givenNoPriorActivity()
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, quantity), theMember())
                .expectNoEvents()
                .expectException(QuantityOutOfRange.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("quantity")));
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new ChangeCartItemQuantity(MEMBER_CART, SHIRT, WHITE_M, quantity), theMember())
                .expectNoEvents()
                .expectException(QuantityOutOfRange.class);
    }

    @Test
    void aLineHoldsAt999AndAddingPastThatIsRefusedNotCapped() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 998))
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 2), theMember())
                .expectNoEvents()
                .expectException(TooManyOfOneVariant.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("quantity")));
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 998))
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 1), theMember())
                .expectEvents(added(MEMBER_CART, SHIRT, WHITE_M, 1, 999));
    }

    @Test
    void aCartHoldsAHundredLinesAndMoreOfAHeldLineStillFits() {
        fixture.given(fullOfShirts(MEMBER_CART, 100))
                .when(new AddCartItem(MEMBER_CART, MUG, WHITE_M, 1), theMember())
                .expectNoEvents()
                .expectException(CartFull.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of()));
        fixture.given(fullOfShirts(MEMBER_CART, 100))
                .when(new AddCartItem(MEMBER_CART, SHIRT, VariantId.of("v7"), 1), theMember())
                .expectEvents(added(MEMBER_CART, SHIRT, VariantId.of("v7"), 1, 2));
        fixture.given(fullOfShirts(MEMBER_CART, 99))
                .when(new AddCartItem(MEMBER_CART, MUG, WHITE_M, 1), theMember())
                .expectEvents(added(MEMBER_CART, MUG, WHITE_M, 1, 1));
    }

    // ---- changing and removing

    @Test
    void changingAQuantitySetsIt() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2), added(MEMBER_CART, MUG, WHITE_M, 1))
                .when(new ChangeCartItemQuantity(MEMBER_CART, SHIRT, WHITE_M, 5), theMember())
                .expectEvents(new CartItemQuantityChanged(MEMBER_CART, MEMBER, SHIRT, WHITE_M, 2, 5))
                .expectResultMessagePayload(2L);
    }

    @Test
    void settingTheQuantityALineHasChangesNothing() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new ChangeCartItemQuantity(MEMBER_CART, SHIRT, WHITE_M, 2), theMember())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void removingTakesTheLineOutWithWhatItHeld() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2), added(MEMBER_CART, MUG, WHITE_M, 1))
                .when(new RemoveCartItem(MEMBER_CART, SHIRT, WHITE_M), theMember())
                .expectEvents(new CartItemRemoved(MEMBER_CART, MEMBER, SHIRT, WHITE_M, 2));
    }

    @Test
    void aRemovedVariantComesBackAsANewLine() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2),
                        new CartItemRemoved(MEMBER_CART, MEMBER, SHIRT, WHITE_M, 2))
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 1), theMember())
                .expectEvents(added(MEMBER_CART, SHIRT, WHITE_M, 1, 1));
    }

    @Test
    void aLineTheCartDoesNotHoldIsNotFound() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new ChangeCartItemQuantity(MEMBER_CART, SHIRT, BLUE_L, 3), theMember())
                .expectNoEvents()
                .expectException(NoSuchLine.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("variantId")));
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new RemoveCartItem(MEMBER_CART, MUG, WHITE_M), theMember())
                .expectNoEvents()
                .expectException(NoSuchLine.class);
        fixture.givenNoPriorActivity()
                .when(new RemoveCartItem(MEMBER_CART, SHIRT, WHITE_M), theMember())
                .expectNoEvents()
                .expectException(NoSuchLine.class);
    }

    // ---- who may change a cart

    @ParameterizedTest
    @EnumSource(ActorRole.class)
    void nobodyButItsMemberChangesAMembersCart(ActorRole role) {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 1), actingAs(role, "someone-else"))
                .expectNoEvents()
                .expectException(NotYourCart.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new ChangeCartItemQuantity(MEMBER_CART, SHIRT, WHITE_M, 1), actingAs(role, "someone-else"))
                .expectNoEvents()
                .expectException(NotYourCart.class);
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new RemoveCartItem(MEMBER_CART, SHIRT, WHITE_M), actingAs(role, "someone-else"))
                .expectNoEvents()
                .expectException(NotYourCart.class);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ANONYMOUS", "SYSTEM"})
    void anonymousCallersAndSystemActorsCannotPassAsTheMember(ActorRole role) {
        fixture.givenNoPriorActivity()
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 1), actingAs(role, MEMBER.value()))
                .expectNoEvents()
                .expectException(NotYourCart.class);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"CUSTOMER", "SELLER", "SUPPORT", "ANALYST", "ADMIN"})
    void everySignedInRoleShopsInItsOwnCart(ActorRole role) {
        fixture.givenNoPriorActivity()
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 1), actingAs(role, MEMBER.value()))
                .expectEvents(added(MEMBER_CART, SHIRT, WHITE_M, 1, 1));
    }

    @Test
    void anOutsiderLearnsNothingFromTheInputRules() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 5_000), actingAs(ActorRole.CUSTOMER, "member-2"))
                .expectException(NotYourCart.class);
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new RemoveCartItem(MEMBER_CART, MUG, BLUE_L), actingAs(ActorRole.CUSTOMER, "member-2"))
                .expectException(NotYourCart.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"basket-1", "cart-", "gcart"})
    void anIdOfNeitherKindNamesNoCart(String id) {
        fixture.givenNoPriorActivity()
                .when(new AddCartItem(CartId.of(id), SHIRT, WHITE_M, 1), theMember())
                .expectNoEvents()
                .expectException(NotACart.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("cartId")));
    }

    // ---- merged carts, as each side's events leave them

    @Test
    void aMergedGuestCartIsEmpty() {
        fixture.given(added(GUEST_CART, SHIRT, WHITE_M, 2),
                        new GuestCartMerged(GUEST_CART, MEMBER_CART, MEMBER, List.of(line(SHIRT, WHITE_M, 2))))
                .when(new RemoveCartItem(GUEST_CART, SHIRT, WHITE_M), anonymous())
                .expectNoEvents()
                .expectException(NoSuchLine.class);
    }

    @Test
    void linesAMergeBroughtAreTheCartsOwn() {
        fixture.given(new CartsMerged(MEMBER_CART, MEMBER, GUEST_CART,
                        List.of(new MergedCartLine(SHIRT, WHITE_M, 2, 2)), List.of()))
                .when(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 1), theMember())
                .expectEvents(added(MEMBER_CART, SHIRT, WHITE_M, 1, 3));
    }

    // ---- ordered lines

    @Test
    void theOrderedVariantsLeaveTheCartAndTheOthersStay() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2), added(MEMBER_CART, SHIRT, BLUE_L, 1),
                        added(MEMBER_CART, MUG, WHITE_M, 3))
                .when(new RemoveOrderedItems(MEMBER_CART, ORDER,
                        List.of(key(SHIRT, WHITE_M), key(MUG, WHITE_M), key(MUG, BLUE_L), key(SHIRT, WHITE_M))),
                        system())
                .expectEvents(new CartItemsOrdered(MEMBER_CART, MEMBER, ORDER,
                        List.of(line(SHIRT, WHITE_M, 2), line(MUG, WHITE_M, 3))))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aRedeliveredOrderTakesNothingAddedSince() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2),
                        new CartItemsOrdered(MEMBER_CART, MEMBER, ORDER, List.of(line(SHIRT, WHITE_M, 2))),
                        added(MEMBER_CART, SHIRT, WHITE_M, 1))
                .when(new RemoveOrderedItems(MEMBER_CART, ORDER, List.of(key(SHIRT, WHITE_M))), system())
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void anOrderOfNothingTheCartHoldsChangesNothing() {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new RemoveOrderedItems(MEMBER_CART, ORDER, List.of(key(MUG, WHITE_M))), system())
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RemoveOrderedItems(MEMBER_CART, ORDER, List.of(key(MUG, WHITE_M))), system())
                .expectNoEvents()
                .expectResultMessagePayload(-1L);
    }

    @Test
    void anOrderFromAGuestCartEmptiesItToo() {
        fixture.given(added(GUEST_CART, SHIRT, WHITE_M, 2))
                .when(new RemoveOrderedItems(GUEST_CART, ORDER, List.of(key(SHIRT, WHITE_M))), system())
                .expectEvents(new CartItemsOrdered(GUEST_CART, null, ORDER, List.of(line(SHIRT, WHITE_M, 2))));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = "SYSTEM", mode = EnumSource.Mode.EXCLUDE)
    void onlySystemActorsRemoveOrderedItems(ActorRole role) {
        fixture.given(added(MEMBER_CART, SHIRT, WHITE_M, 2))
                .when(new RemoveOrderedItems(MEMBER_CART, ORDER, List.of(key(SHIRT, WHITE_M))),
                        actingAs(role, MEMBER.value()))
                .expectNoEvents()
                .expectException(OnlySystemActors.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }
}
