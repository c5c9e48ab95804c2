package io.jangteo.graphql.cart;

import graphql.GraphQLContext;
import io.jangteo.messages.cart.CartItemView;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The products of a cart's lines, read once per cart and request: the items, their total, the quote and the
 * applicable coupons all share one read of each distinct product (a cart holds at most a hundred lines), instead of a
 * read per line and field.
 */
@Component
class CartCatalog {

    private static final String KEY = "jangteo.cart.products:";
    /** Product reads in flight for one cart; the query side answers them from memory. */
    private static final int CONCURRENCY = 8;

    private final QueryGateway queryGateway;

    CartCatalog(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The cart's products by id; products that do not exist are absent. */
    Mono<Map<String, ProductView>> products(CartView cart, GraphQLContext request) {
        return request.computeIfAbsent(KEY + cart.cartId().value() + "@" + cart.version(), key -> load(cart));
    }

    private Mono<Map<String, ProductView>> load(CartView cart) {
        Set<ProductId> ids = new LinkedHashSet<>();
        for (CartItemView item : cart.items()) {
            ids.add(item.productId());
        }
        return Flux.fromIterable(ids)
                .flatMap(id -> Mono.fromFuture(() -> queryGateway.query(new FindProductQuery(id),
                                ResponseTypes.optionalInstanceOf(ProductView.class)))
                        .flatMap(Mono::justOrEmpty), CONCURRENCY)
                .collectMap(ProductView::id)
                .cache();
    }
}
