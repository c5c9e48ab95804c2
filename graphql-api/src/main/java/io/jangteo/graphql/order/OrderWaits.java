package io.jangteo.graphql.order;

import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.OrderView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Read-your-writes for orders where the state to wait for is not simply "the command's version": checkout goes on in
 * the saga after the command returns, so {@code placeOrder} waits for the order to leave {@code PLACED}. The
 * subscription is opened before the command is sent, so no update slips between them; past the wait the order is
 * answered as the read model has it.
 */
@Component
class OrderWaits {

    /** The shortest wait, so that an exhausted budget still lets an answer that is already there through. */
    private static final Duration MIN_WAIT = Duration.ofMillis(200);

    private final QueryGateway queryGateway;

    OrderWaits(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * @param send a command's dispatch, subscribed to after the subscription is open; its result is the version the
     *             command produced (0 when it answers no number)
     * @param done whether a view (given that version) is the one to answer
     */
    Mono<Optional<OrderView>> sendAndAwait(Supplier<Mono<Object>> send, FindOrderQuery query,
                                           BiPredicate<OrderView, Long> done, Duration wait) {
        Duration bounded = wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
        return Mono.using(
                () -> queryGateway.subscriptionQuery(query, ResponseTypes.optionalInstanceOf(OrderView.class),
                        ResponseTypes.instanceOf(OrderView.class)),
                subscription -> send.get()
                        .map(result -> result instanceof Number version ? version.longValue() : 0L)
                        .defaultIfEmpty(0L)
                        .flatMap(version -> Flux.concat(subscription.initialResult().flatMap(Mono::justOrEmpty),
                                        subscription.updates())
                                .filter(view -> done.test(view, version))
                                .next()
                                .map(Optional::of)
                                .timeout(bounded, Mono.defer(() -> latest(query)))),
                SubscriptionQueryResult::close);
    }

    Mono<Optional<OrderView>> latest(FindOrderQuery query) {
        return Mono.fromFuture(() -> queryGateway.query(query, ResponseTypes.optionalInstanceOf(OrderView.class)));
    }
}
