package io.jangteo.graphql.order;

import io.jangteo.graphql.order.OrderInputs.ApprovePaymentInput;
import io.jangteo.graphql.order.OrderInputs.CancelOrderInput;
import io.jangteo.graphql.order.OrderInputs.ExchangeInput;
import io.jangteo.graphql.order.OrderInputs.PlaceOrderInput;
import io.jangteo.graphql.order.OrderInputs.RejectExchangeInput;
import io.jangteo.graphql.order.OrderInputs.RejectReturnInput;
import io.jangteo.graphql.order.OrderInputs.RequestClaimInput;
import io.jangteo.graphql.order.OrderInputs.ReturnInput;
import io.jangteo.graphql.order.OrderInputs.SellerPartInput;
import io.jangteo.graphql.order.OrderInputs.ShipExchangeInput;
import io.jangteo.graphql.order.OrderInputs.ShipOrderInput;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.Mutations;
import io.jangteo.graphql.support.Mutations.Prepared;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.order.ApproveExchange;
import io.jangteo.messages.order.ApproveReturn;
import io.jangteo.messages.order.CancelOrder;
import io.jangteo.messages.order.ConfirmPurchase;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.MarkSellerPartDelivered;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.ReceiveReturn;
import io.jangteo.messages.order.RejectExchange;
import io.jangteo.messages.order.RejectReturn;
import io.jangteo.messages.order.RequestExchange;
import io.jangteo.messages.order.RequestReturn;
import io.jangteo.messages.order.ShipExchange;
import io.jangteo.messages.order.ShipSellerPart;
import io.jangteo.messages.order.StartPreparing;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Order mutations. Checkout (placing, approving the payment) waits for the order to move on; every other mutation
 * waits for the version its command produced, seen by the caller (a seller sees its own part). Anonymous callers are
 * turned away here; who may do what to which part is the Order aggregate's decision.
 */
@Controller
class OrderMutations {

    private final Checkout checkout;
    private final Mutations mutations;

    OrderMutations(Checkout checkout, Mutations mutations) {
        this.checkout = checkout;
        this.mutations = mutations;
    }

    @MutationMapping
    Mono<OrderPayload> placeOrder(@Argument PlaceOrderInput input, Authentication authentication,
                                  @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return checkout.placeOrder(input, Actor.from(authentication), request);
    }

    @MutationMapping
    Mono<OrderPayload> approvePayment(@Argument ApprovePaymentInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return checkout.approvePayment(input, Actor.from(authentication), request);
    }

    @MutationMapping
    Mono<OrderPayload> cancelOrder(@Argument CancelOrderInput input, Authentication authentication,
                                   @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new CancelOrder(id, input.lineIds(), input.reason()));
    }

    @MutationMapping
    Mono<OrderPayload> startPreparing(@Argument SellerPartInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new StartPreparing(id, OrderInputs.sellerId(input.sellerId(), actor.sellerId())));
    }

    @MutationMapping
    Mono<OrderPayload> shipOrder(@Argument ShipOrderInput input, Authentication authentication,
                                 @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new ShipSellerPart(id, OrderInputs.sellerId(input.sellerId(), actor.sellerId()),
                        input.carrier(), input.trackingNumber()));
    }

    @MutationMapping
    Mono<OrderPayload> markDelivered(@Argument SellerPartInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(), (actor, id) ->
                new MarkSellerPartDelivered(id, OrderInputs.sellerId(input.sellerId(), actor.sellerId())));
    }

    @MutationMapping
    Mono<OrderPayload> confirmPurchase(@Argument SellerPartInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new ConfirmPurchase(id, OrderInputs.sellerId(input.sellerId(), actor.sellerId())));
    }

    @MutationMapping
    Mono<OrderPayload> requestReturn(@Argument RequestClaimInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new RequestReturn(id, input.lineIds(), input.reason(), input.detail()));
    }

    @MutationMapping
    Mono<OrderPayload> approveReturn(@Argument ReturnInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(), (actor, id) -> new ApproveReturn(id, input.returnId()));
    }

    @MutationMapping
    Mono<OrderPayload> rejectReturn(@Argument RejectReturnInput input, Authentication authentication,
                                    @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new RejectReturn(id, input.returnId(), input.reason()));
    }

    @MutationMapping
    Mono<OrderPayload> receiveReturn(@Argument ReturnInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(), (actor, id) -> new ReceiveReturn(id, input.returnId()));
    }

    @MutationMapping
    Mono<OrderPayload> requestExchange(@Argument RequestClaimInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new RequestExchange(id, input.lineIds(), input.reason(), input.detail()));
    }

    @MutationMapping
    Mono<OrderPayload> approveExchange(@Argument ExchangeInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new ApproveExchange(id, input.exchangeId()));
    }

    @MutationMapping
    Mono<OrderPayload> rejectExchange(@Argument RejectExchangeInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new RejectExchange(id, input.exchangeId(), input.reason()));
    }

    @MutationMapping
    Mono<OrderPayload> shipExchange(@Argument ShipExchangeInput input, Authentication authentication,
                                    @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.orderId(),
                (actor, id) -> new ShipExchange(id, input.exchangeId(), input.carrier(), input.trackingNumber()));
    }

    private interface OrderCommand {
        Object of(Actor actor, OrderId orderId);
    }

    private Mono<OrderPayload> change(Authentication authentication, RequestContext request, String rawOrderId,
                                      OrderCommand command) {
        Actor actor = OrderAccess.signedIn(Actor.from(authentication));
        return mutations.run(actor, request, () -> {
                    OrderId orderId = OrderInputs.orderId(rawOrderId);
                    return new Prepared(command.of(actor, orderId), new FindOrderQuery(orderId, actor.viewer()));
                }, OrderView.class, OrderView::version,
                (view, errors) -> new OrderPayload(view == null ? null : view.orderId().value(), view, errors));
    }
}
