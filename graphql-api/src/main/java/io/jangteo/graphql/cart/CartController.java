package io.jangteo.graphql.cart;

import graphql.schema.DataFetchingEnvironment;
import io.jangteo.graphql.cart.CartCoupons.CartCouponNode;
import io.jangteo.graphql.cart.CartQuotes.DestinationInput;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemView;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.cart.FindCartQuery;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.shared.Money;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The cart query and the Cart type's fields. A Cart reaches a field only through {@link CartAccess} (the query, or a
 * mutation's payload), so the fields trust their source; the buyer a quote, coupons and points are for is the cart's
 * member, whoever looks.
 */
@Controller
class CartController {

    private final QueryGateway queryGateway;
    private final CartCatalog catalog;
    private final CartQuotes quotes;
    private final CartCoupons coupons;

    CartController(QueryGateway queryGateway, CartCatalog catalog, CartQuotes quotes, CartCoupons coupons) {
        this.queryGateway = queryGateway;
        this.catalog = catalog;
        this.quotes = quotes;
        this.coupons = coupons;
    }

    @QueryMapping
    Mono<CartView> cart(@Argument String guestToken, @Argument String memberId, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        CartAccess.Target target;
        if (memberId != null) {
            target = CartAccess.namedMemberCart(actor, memberId);
        } else if (!CartAccess.isGuest(actor)) {
            target = CartAccess.memberCart(actor);
        } else {
            if (guestToken == null || guestToken.isBlank()) {
                return Mono.empty();
            }
            try {
                target = CartAccess.guestCart(guestToken);
            } catch (InvalidInput malformed) {
                // a token that cannot be one names no cart: answered like a missing cart
                return Mono.empty();
            }
        }
        return find(target);
    }

    @SchemaMapping(typeName = "Cart", field = "id")
    String id(CartView cart) {
        return cart.cartId().value();
    }

    @SchemaMapping(typeName = "Cart", field = "items")
    Mono<List<CartItemNode>> items(CartView cart, Authentication authentication, DataFetchingEnvironment environment) {
        return items(cart, Actor.from(authentication), environment);
    }

    @SchemaMapping(typeName = "Cart", field = "itemCount")
    int itemCount(CartView cart) {
        return cart.items().size();
    }

    @SchemaMapping(typeName = "Cart", field = "totalQuantity")
    long totalQuantity(CartView cart) {
        return cart.items().stream().mapToLong(CartItemView::quantity).sum();
    }

    @SchemaMapping(typeName = "Cart", field = "itemsTotal")
    Mono<Money> itemsTotal(CartView cart, Authentication authentication, DataFetchingEnvironment environment) {
        return items(cart, Actor.from(authentication), environment).mapNotNull(CartItems::itemsTotal);
    }

    @SchemaMapping(typeName = "Cart", field = "quote")
    Mono<CartQuoteNode> quote(CartView cart, @Argument DestinationInput destination, @Argument String couponCode,
                              @Argument Long points, Authentication authentication,
                              DataFetchingEnvironment environment) {
        return items(cart, Actor.from(authentication), environment)
                .flatMap(items -> quotes.quote(cart, items, destination, couponCode, points));
    }

    @SchemaMapping(typeName = "Cart", field = "applicableCoupons")
    Mono<List<CartCouponNode>> applicableCoupons(CartView cart, Authentication authentication,
                                                 DataFetchingEnvironment environment) {
        return items(cart, Actor.from(authentication), environment)
                .flatMap(items -> coupons.applicable(cart.memberId(), items));
    }

    @SchemaMapping(typeName = "Cart", field = "pointsAvailable")
    Mono<Long> pointsAvailable(CartView cart) {
        if (cart.memberId() == null) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> queryGateway.query(new FindMemberQuery(cart.memberId()),
                        ResponseTypes.optionalInstanceOf(MemberView.class)))
                .flatMap(Mono::justOrEmpty)
                .map(member -> member.points().available());
    }

    private Mono<List<CartItemNode>> items(CartView cart, Actor actor, DataFetchingEnvironment environment) {
        return catalog.products(cart, environment.getGraphQlContext())
                .map(products -> CartItems.of(cart, products, actor.viewer()));
    }

    private Mono<CartView> find(CartAccess.Target target) {
        CartId cartId = target.cartId();
        return Mono.fromFuture(() -> queryGateway.query(new FindCartQuery(cartId),
                        ResponseTypes.optionalInstanceOf(CartView.class)))
                .map(view -> view.orElse(CartAccess.empty(target)));
    }
}
