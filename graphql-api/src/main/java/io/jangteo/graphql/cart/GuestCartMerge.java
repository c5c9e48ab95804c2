package io.jangteo.graphql.cart;

import io.jangteo.graphql.ApiProperties;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.cart.FindCartQuery;
import io.jangteo.messages.cart.MergeCarts;
import io.jangteo.messages.member.LoginResult;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Moves a guest's cart into the member's cart: on sign-in with the guest token, or by {@code mergeGuestCart}. It
 * answers once the member's cart view shows the merge (bounded by the consistency timeout), so the cart the client
 * reads next holds the guest's items. A merge that moved nothing (an empty or unknown guest cart) answers at once.
 */
@Component
public class GuestCartMerge {

    private static final Logger log = LoggerFactory.getLogger(GuestCartMerge.class);

    private final Commands commands;
    private final QueryGateway queryGateway;
    private final Duration consistencyTimeout;

    GuestCartMerge(Commands commands, QueryGateway queryGateway, ApiProperties properties) {
        this.commands = commands;
        this.queryGateway = queryGateway;
        this.consistencyTimeout = properties.graphql().consistencyTimeout();
    }

    /**
     * After a successful sign-in, as the member who just proved who they are (the request itself carries no token
     * yet). A failed merge must not fail the sign-in: it is logged, and the guest cart stays as it was for another try.
     */
    public Mono<Void> afterSignIn(LoginResult signedIn, String guestToken, RequestContext request) {
        if (guestToken == null || guestToken.isBlank() || !signedIn.succeeded()) {
            return Mono.empty();
        }
        Actor member = new Actor(signedIn.memberId().value(), signedIn.role(), signedIn.sellerId());
        return Mono.defer(() -> merge(member, CartAccess.memberCart(member),
                        CartAccess.guestCart(guestToken, "guestCartToken"), request))
                .then()
                .onErrorResume(failure -> {
                    log.warn("Member {} signed in, but their guest cart could not be merged (request {}): {}",
                            signedIn.memberId(), request.requestId(), failure.toString());
                    return Mono.empty();
                });
    }

    /** The member's cart after the merge; refusals arrive as errors, for the caller to show. */
    Mono<CartView> merge(Actor member, CartAccess.Target into, CartAccess.Target guest, RequestContext request) {
        return Mono.fromFuture(() -> commands.send(new MergeCarts(into.cartId(), guest.cartId()), member, request))
                .map(result -> result instanceof Number version ? version.longValue() : -1L)
                .flatMap(version -> version < 0 ? Mono.just(CartAccess.empty(into)) : shown(into, version));
    }

    /** The first view of the cart at {@code version} or later; subscribed first, so no update is missed. */
    private Mono<CartView> shown(CartAccess.Target cart, long version) {
        FindCartQuery query = new FindCartQuery(cart.cartId());
        return Mono.using(
                () -> queryGateway.subscriptionQuery(query, ResponseTypes.optionalInstanceOf(CartView.class),
                        ResponseTypes.instanceOf(CartView.class)),
                subscription -> Flux.concat(subscription.initialResult().flatMap(Mono::justOrEmpty),
                                subscription.updates())
                        .filter(view -> view.version() >= version)
                        .next()
                        .timeout(consistencyTimeout, Mono.defer(() -> Mono.fromFuture(() -> queryGateway.query(query,
                                        ResponseTypes.optionalInstanceOf(CartView.class)))
                                .map(view -> view.orElse(CartAccess.empty(cart))))),
                SubscriptionQueryResult::close);
    }
}
