package io.jangteo.command.cart;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.cart.AddCartItem;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemsOrdered;
import io.jangteo.messages.cart.RemoveOrderedItems;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jangteo.command.cart.CartFixtures.BLUE_L;
import static io.jangteo.command.cart.CartFixtures.GUEST_CART;
import static io.jangteo.command.cart.CartFixtures.MEMBER;
import static io.jangteo.command.cart.CartFixtures.MEMBER_CART;
import static io.jangteo.command.cart.CartFixtures.MUG;
import static io.jangteo.command.cart.CartFixtures.SHIRT;
import static io.jangteo.command.cart.CartFixtures.WHITE_M;
import static io.jangteo.command.cart.CartFixtures.actingAs;
import static io.jangteo.command.cart.CartFixtures.anonymous;
import static io.jangteo.command.cart.CartFixtures.line;
import static io.jangteo.command.cart.CartFixtures.theMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhenOrderPlacedThenRemoveOrderedItemsTest {

    private static final OrderId ORDER = OrderId.of("ord-1");

    private final CartBus bus = CartBus.start();
    private final WhenOrderPlacedThenRemoveOrderedItems policy =
            new WhenOrderPlacedThenRemoveOrderedItems(bus.gateway());

    @AfterEach
    void tearDown() {
        bus.eventStore().shutDown();
    }

    private void send(Object command, Map<String, Object> actor) {
        bus.gateway().sendAndWait(command, MetaData.from(actor));
    }

    private static OrderPlaced placed(MemberId buyer, String cartId, QuotedLine... lines) {
        Money zero = Money.won(0);
        OrderQuote quote = new OrderQuote(List.of(lines), List.of(), zero, null, zero, 0, zero, zero, "BASIC");
        return new OrderPlaced(ORDER, buyer, "key-1", "fingerprint", quote, null, null, cartId,
                Instant.parse("2026-03-02T10:00:00Z"));
    }

    private static QuotedLine ordered(String lineId, ProductId product, VariantId variant, long quantity) {
        Money price = Money.won(10_000);
        return new QuotedLine(lineId, product, variant, SellerId.of("s-1"), "상품", null, List.of(), null, 300, price,
                quantity, Money.won(10_000 * quantity), Money.won(0), 0, Money.won(10_000 * quantity));
    }

    @Test
    void anOrderFromTheBuyersCartTakesTheOrderedVariantsOutAsTheCartActor() {
        send(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 2), theMember());
        send(new AddCartItem(MEMBER_CART, SHIRT, BLUE_L, 1), theMember());
        send(new AddCartItem(MEMBER_CART, MUG, WHITE_M, 3), theMember());

        // the buyer ordered one of the two shirts they had, and the mug
        policy.on(placed(MEMBER, MEMBER_CART.value(), ordered("1", SHIRT, WHITE_M, 1), ordered("2", MUG, WHITE_M, 3)));

        DomainEventMessage<?> removed = bus.events(MEMBER_CART).get(3);
        assertThat(removed.getPayload()).isEqualTo(new CartItemsOrdered(MEMBER_CART, MEMBER, ORDER,
                List.of(line(SHIRT, WHITE_M, 2), line(MUG, WHITE_M, 3))));
        assertThat(removed.getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo("system:cart");
        assertThat(removed.getMetaData().get(AuditKeys.ACTOR_ROLE)).isEqualTo("SYSTEM");
        assertThat(bus.payloads(MEMBER_CART)).hasSize(4);
    }

    @Test
    void aRepeatedOrderChangesNothing() {
        send(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 2), theMember());
        policy.on(placed(MEMBER, MEMBER_CART.value(), ordered("1", SHIRT, WHITE_M, 2)));
        send(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 1), theMember());

        policy.on(placed(MEMBER, MEMBER_CART.value(), ordered("1", SHIRT, WHITE_M, 2)));

        assertThat(bus.payloads(MEMBER_CART)).hasSize(3);
    }

    @Test
    void anOrderFromAGuestCartEmptiesThatCart() {
        send(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 2), anonymous());

        policy.on(placed(MEMBER, GUEST_CART.value(), ordered("1", SHIRT, WHITE_M, 2)));

        assertThat(bus.payloads(GUEST_CART)).last()
                .isEqualTo(new CartItemsOrdered(GUEST_CART, null, ORDER, List.of(line(SHIRT, WHITE_M, 2))));
    }

    @Test
    void anOrderNamingAnotherMembersCartLeavesThatCartAlone() {
        CartId othersCart = CartId.ofMember(MemberId.of("member-2"));
        send(new AddCartItem(othersCart, SHIRT, WHITE_M, 2), actingAs(ActorRole.CUSTOMER, "member-2"));

        policy.on(placed(MEMBER, othersCart.value(), ordered("1", SHIRT, WHITE_M, 2)));
        policy.on(placed(MEMBER, "not a cart id of anybody's", ordered("1", SHIRT, WHITE_M, 2)));

        assertThat(bus.payloads(othersCart)).hasSize(1);
    }

    @Test
    void anOrderOfExplicitLinesTouchesNoCart() {
        send(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 2), theMember());

        policy.on(placed(MEMBER, null, ordered("1", SHIRT, WHITE_M, 2)));

        assertThat(bus.payloads(MEMBER_CART)).hasSize(1);
    }

    @Test
    void aRefusalIsLoggedNotThrown() {
        List<CommandMessage<?>> sent = new ArrayList<>();
        SimpleCommandBus refusing = SimpleCommandBus.builder().build();
        refusing.registerHandlerInterceptor(new RuleViolationTranslator());
        refusing.subscribe(RemoveOrderedItems.class.getName(), command -> {
            sent.add(command);
            throw new Refused();
        });

        new WhenOrderPlacedThenRemoveOrderedItems(DefaultCommandGateway.builder().commandBus(refusing).build())
                .on(placed(MEMBER, MEMBER_CART.value(), ordered("1", SHIRT, WHITE_M, 2)));

        assertThat(sent).singleElement().satisfies(command -> assertThat(command.getPayload())
                .isEqualTo(new RemoveOrderedItems(MEMBER_CART, ORDER, List.of(CartFixtures.key(SHIRT, WHITE_M)))));
    }

    @Test
    void anUnexpectedFailureIsThrownForTheProcessorToRetry() {
        SimpleCommandBus failing = SimpleCommandBus.builder().build();
        failing.subscribe(RemoveOrderedItems.class.getName(), command -> {
            throw new IllegalStateException("event store unavailable");
        });
        WhenOrderPlacedThenRemoveOrderedItems withFailingBus =
                new WhenOrderPlacedThenRemoveOrderedItems(DefaultCommandGateway.builder().commandBus(failing).build());

        assertThatThrownBy(() -> withFailingBus.on(placed(MEMBER, MEMBER_CART.value(),
                ordered("1", SHIRT, WHITE_M, 2))))
                .hasMessageContaining("event store unavailable");
    }

    static final class Refused extends DomainRuleViolation {
        Refused() {
            super(ErrorCode.NOT_FOUND, List.of("cartId"), "No such cart");
        }
    }
}
