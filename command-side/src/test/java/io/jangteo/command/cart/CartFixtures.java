package io.jangteo.command.cart;

import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemAdded;
import io.jangteo.messages.cart.CartItemKey;
import io.jangteo.messages.cart.CartLine;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders shared by the cart's tests: one member's cart, one guest's, and two products with variants. */
final class CartFixtures {

    static final MemberId MEMBER = MemberId.of("member-1");
    static final CartId MEMBER_CART = CartId.ofMember(MEMBER);
    static final String GUEST_TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";
    static final CartId GUEST_CART = CartId.ofGuest(GUEST_TOKEN);
    static final ProductId SHIRT = ProductId.of("p-shirt");
    static final ProductId MUG = ProductId.of("p-mug");
    static final VariantId WHITE_M = VariantId.of("white-m");
    static final VariantId BLUE_L = VariantId.of("blue-l");

    private CartFixtures() {
    }

    static FixtureConfiguration<Cart> fixture() {
        return new AggregateTestFixture<>(Cart.class);
    }

    static CartItemAdded added(CartId cart, ProductId product, VariantId variant, long added, long quantity) {
        return new CartItemAdded(cart, cart.isGuest() ? null : MEMBER, product, variant, added, quantity);
    }

    static CartItemAdded added(CartId cart, ProductId product, VariantId variant, long quantity) {
        return added(cart, product, variant, quantity, quantity);
    }

    static CartLine line(ProductId product, VariantId variant, long quantity) {
        return new CartLine(product, variant, quantity);
    }

    static CartItemKey key(ProductId product, VariantId variant) {
        return new CartItemKey(product, variant);
    }

    /** {@code count} distinct one-unit lines of the shirt, variants v0, v1, ... */
    static Object[] fullOfShirts(CartId cart, int count) {
        List<Object> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(added(cart, SHIRT, VariantId.of("v" + i), 1));
        }
        return events.toArray();
    }

    static Map<String, Object> theMember() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.CUSTOMER.name(), AuditKeys.ACTOR_ID, MEMBER.value());
    }

    static Map<String, Object> anonymous() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.ANONYMOUS.name(), AuditKeys.ACTOR_ID, "anonymous");
    }

    static Map<String, Object> system() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.SYSTEM.name(), AuditKeys.ACTOR_ID, "system:cart");
    }

    static Map<String, Object> actingAs(ActorRole role, String actorId) {
        return Map.of(AuditKeys.ACTOR_ROLE, role.name(), AuditKeys.ACTOR_ID, actorId);
    }
}
