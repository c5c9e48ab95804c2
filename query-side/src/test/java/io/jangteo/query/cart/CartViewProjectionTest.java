package io.jangteo.query.cart;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemAdded;
import io.jangteo.messages.cart.CartItemQuantityChanged;
import io.jangteo.messages.cart.CartItemRemoved;
import io.jangteo.messages.cart.CartItemView;
import io.jangteo.messages.cart.CartItemsOrdered;
import io.jangteo.messages.cart.CartLine;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.cart.CartsMerged;
import io.jangteo.messages.cart.FindCartQuery;
import io.jangteo.messages.cart.GuestCartMerged;
import io.jangteo.messages.cart.MergedCartLine;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import io.jangteo.query.shared.Subscriptions;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.jangteo.query.shared.EventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class CartViewProjectionTest {

    private static final MemberId MEMBER = MemberId.of("member-1");
    private static final CartId MEMBER_CART = CartId.ofMember(MEMBER);
    private static final CartId GUEST_CART = CartId.ofGuest("AAAAAAAAAAAAAAAAAAAAAA");
    private static final ProductId SHIRT = ProductId.of("p-shirt");
    private static final ProductId MUG = ProductId.of("p-mug");
    private static final VariantId WHITE_M = VariantId.of("white-m");
    private static final VariantId BLUE_L = VariantId.of("blue-l");

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private SimpleQueryUpdateEmitter emitter;
    private CartViewProjection projection;
    private EventFeed feed;
    private CartQueryHandler carts;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        database = readStore.freshDatabase();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new CartViewProjection(database, emitter);
        feed = new EventFeed(projection);
        carts = new CartQueryHandler(database);
    }

    private CartView find(CartId cart) {
        return carts.find(new FindCartQuery(cart)).orElseThrow();
    }

    private static CartItemAdded added(CartId cart, ProductId product, VariantId variant, long added, long quantity) {
        return new CartItemAdded(cart, cart.isGuest() ? null : MEMBER, product, variant, added, quantity);
    }

    @Test
    void linesShowInTheOrderFirstAddedWithTheirQuantitiesAndTheCartsMember() {
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, WHITE_M, 2, 2));
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, MUG, WHITE_M, 1, 1));
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, WHITE_M, 3, 5));

        assertThat(find(MEMBER_CART)).isEqualTo(new CartView(MEMBER_CART, MEMBER, List.of(
                new CartItemView(SHIRT, WHITE_M, 5, at(0)),
                new CartItemView(MUG, WHITE_M, 1, at(1))), at(2), 2));
    }

    @Test
    void aGuestsCartHasNoMember() {
        feed.next(GUEST_CART.value(), added(GUEST_CART, SHIRT, WHITE_M, 1, 1));

        assertThat(find(GUEST_CART).memberId()).isNull();
        assertThat(find(GUEST_CART).items()).extracting(CartItemView::quantity).containsExactly(1L);
    }

    @Test
    void aChangedQuantityKeepsTheLinesPlaceAndARemovedLineIsGone() {
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, WHITE_M, 2, 2));
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, BLUE_L, 1, 1));
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, MUG, WHITE_M, 1, 1));

        feed.next(MEMBER_CART.value(), new CartItemQuantityChanged(MEMBER_CART, MEMBER, SHIRT, BLUE_L, 1, 7));
        feed.next(MEMBER_CART.value(), new CartItemRemoved(MEMBER_CART, MEMBER, SHIRT, WHITE_M, 2));

        assertThat(find(MEMBER_CART).items()).containsExactly(
                new CartItemView(SHIRT, BLUE_L, 7, at(1)), new CartItemView(MUG, WHITE_M, 1, at(2)));
        assertThat(find(MEMBER_CART).version()).isEqualTo(4);
        assertThat(find(MEMBER_CART).updatedAt()).isEqualTo(at(4));
    }

    @Test
    void aMergeSetsTheMembersLinesAndEmptiesTheGuestsCart() {
        feed.next(GUEST_CART.value(), added(GUEST_CART, SHIRT, WHITE_M, 2, 2));
        feed.next(GUEST_CART.value(), added(GUEST_CART, MUG, WHITE_M, 1, 1));
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, WHITE_M, 1, 1));

        feed.next(GUEST_CART.value(), new GuestCartMerged(GUEST_CART, MEMBER_CART, MEMBER,
                List.of(new CartLine(SHIRT, WHITE_M, 2), new CartLine(MUG, WHITE_M, 1))));
        feed.next(MEMBER_CART.value(), new CartsMerged(MEMBER_CART, MEMBER, GUEST_CART,
                List.of(new MergedCartLine(SHIRT, WHITE_M, 2, 3), new MergedCartLine(MUG, WHITE_M, 1, 1)), List.of()));

        assertThat(find(MEMBER_CART).items()).containsExactly(
                new CartItemView(SHIRT, WHITE_M, 3, at(0)), new CartItemView(MUG, WHITE_M, 1, at(1)));
        assertThat(find(GUEST_CART).items()).isEmpty();
        assertThat(find(GUEST_CART).version()).isEqualTo(2);
        assertThat(find(GUEST_CART).memberId()).isNull();
    }

    @Test
    void aMergeCanOpenAMembersCart() {
        feed.next(MEMBER_CART.value(), new CartsMerged(MEMBER_CART, MEMBER, GUEST_CART,
                List.of(new MergedCartLine(MUG, BLUE_L, 4, 4)), List.of()));

        assertThat(find(MEMBER_CART)).isEqualTo(new CartView(MEMBER_CART, MEMBER,
                List.of(new CartItemView(MUG, BLUE_L, 4, at(0))), at(0), 0));
    }

    @Test
    void orderedLinesLeaveAndTheOthersStay() {
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, WHITE_M, 2, 2));
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, MUG, WHITE_M, 1, 1));

        feed.next(MEMBER_CART.value(), new CartItemsOrdered(MEMBER_CART, MEMBER, OrderId.of("ord-1"),
                List.of(new CartLine(SHIRT, WHITE_M, 2))));

        assertThat(find(MEMBER_CART).items()).containsExactly(new CartItemView(MUG, WHITE_M, 1, at(1)));
    }

    @Test
    void aRedeliveredOrReplayedEventChangesNothing() {
        CartItemAdded first = added(MEMBER_CART, SHIRT, WHITE_M, 2, 2);
        CartItemAdded second = added(MEMBER_CART, SHIRT, WHITE_M, 3, 5);
        feed.next(MEMBER_CART.value(), first);
        feed.next(MEMBER_CART.value(), second);
        CartView before = find(MEMBER_CART);

        feed.deliver(first, 0);
        feed.deliver(second, 1);

        assertThat(find(MEMBER_CART)).isEqualTo(before);
    }

    @Test
    void aReplayFromTheStartAfterAResetGivesTheSameCart() {
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, WHITE_M, 2, 2));
        feed.next(MEMBER_CART.value(), new CartItemQuantityChanged(MEMBER_CART, MEMBER, SHIRT, WHITE_M, 2, 4));
        CartView live = find(MEMBER_CART);

        projection.reset();
        assertThat(carts.find(new FindCartQuery(MEMBER_CART))).isEmpty();
        feed.restart();
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, WHITE_M, 2, 2));
        feed.next(MEMBER_CART.value(), new CartItemQuantityChanged(MEMBER_CART, MEMBER, SHIRT, WHITE_M, 2, 4));

        assertThat(find(MEMBER_CART)).isEqualTo(live);
    }

    @Test
    void aCartNobodyFilledIsNotFound() {
        assertThat(carts.find(new FindCartQuery(MEMBER_CART))).isEqualTo(Optional.empty());
    }

    @Test
    void subscribersReceiveEachNewViewOfTheirCartOnly() {
        List<CartView> received = Subscriptions.subscribe(emitter, new FindCartQuery(MEMBER_CART), CartView.class);

        feed.next(GUEST_CART.value(), added(GUEST_CART, MUG, WHITE_M, 1, 1));
        feed.next(MEMBER_CART.value(), added(MEMBER_CART, SHIRT, WHITE_M, 2, 2));
        feed.next(MEMBER_CART.value(), new CartItemRemoved(MEMBER_CART, MEMBER, SHIRT, WHITE_M, 2));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(received)
                .extracting(CartView::cartId, CartView::version, view -> view.items().size())
                .containsExactly(tuple(MEMBER_CART, 0L, 1),
                        tuple(MEMBER_CART, 1L, 0)));
    }
}
