package io.jangteo.graphql.order;

import io.jangteo.graphql.security.Actor;
import io.jangteo.messages.order.FindProviderPaymentQuery;
import io.jangteo.messages.order.ProviderPaymentView;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code providerPayment}: the provider's side of a payment, for support reconciling an order with the money taken.
 * Staff only, since it answers for any payment key without the order's visibility rules; the provider is asked through
 * the query bus (its port lives on the command side).
 */
@Controller
class ProviderPaymentController {

    private final QueryGateway queryGateway;

    ProviderPaymentController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @QueryMapping
    Mono<ProviderPaymentView> providerPayment(@Argument String paymentKey, Authentication authentication) {
        Actor.from(authentication).requireRole(ActorRole.SUPPORT, ActorRole.ADMIN);
        if (paymentKey.isBlank()) {
            return Mono.empty(); // names no payment, like any key the provider does not know
        }
        return Mono.fromFuture(() -> queryGateway.query(new FindProviderPaymentQuery(paymentKey),
                        ResponseTypes.optionalInstanceOf(ProviderPaymentView.class)))
                .flatMap(Mono::justOrEmpty);
    }

    @SchemaMapping(typeName = "ProviderPayment", field = "orderId")
    String orderId(ProviderPaymentView payment) {
        return payment.orderId() == null ? null : payment.orderId().value();
    }
}
