package io.jangteo.graphql.order;

import io.jangteo.graphql.ApiProperties;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Rejections;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.cart.FindCartQuery;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.ApprovePayment;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.OrderQuoteResult;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.PlaceOrder;
import io.jangteo.messages.order.QuoteOrderQuery;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import io.jangteo.messages.shipping.Destination;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checkout mutations. {@code placeOrder} prices the request with the quote the buyer would be shown, places the
 * order under the id its idempotency key names, and waits for checkout to reserve and ask for the payment. A retry
 * must answer the order the first attempt placed even when pricing it again now fails (the first attempt may have
 * taken the last units), so before answering a quote's errors it asks the Order aggregate whether the order exists.
 */
@Component
class Checkout {

    /** What the API keeps back from the request's execution timeout to answer after a long wait. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(1);

    private final QueryGateway queryGateway;
    private final Commands commands;
    private final OrderWaits waits;
    private final Duration wait;
    private final Clock clock;

    Checkout(QueryGateway queryGateway, Commands commands, OrderWaits waits, OrderApiProperties properties,
             ApiProperties api) {
        this.queryGateway = queryGateway;
        this.commands = commands;
        this.waits = waits;
        // a wait the request's own timeout cuts off would lose the answer; the order is then shown as it is instead
        Duration requestBudget = api.graphql().timeout().minus(ANSWER_MARGIN);
        this.wait = requestBudget.isNegative() || requestBudget.compareTo(properties.checkoutWait()) > 0
                ? properties.checkoutWait() : requestBudget;
        this.clock = Clock.systemUTC();
    }

    /** One placement attempt: who, which order, and the request as the Order aggregate fingerprints it. */
    private record Attempt(Actor actor, RequestContext request, MemberId buyer, OrderId orderId,
                           OrderInputs.OrderRequest order, String fingerprint, String cartId, Instant deadline) {

        PlaceOrder command(OrderQuote quote) {
            return new PlaceOrder(orderId, buyer, order.idempotencyKey(), fingerprint, quote, order.address(),
                    order.payment(), cartId);
        }

        FindOrderQuery view() {
            return new FindOrderQuery(orderId, actor.viewer());
        }
    }

    Mono<OrderPayload> placeOrder(OrderInputs.PlaceOrderInput input, Actor actor, RequestContext request) {
        MemberId buyer = OrderAccess.buyer(actor);
        Instant deadline = clock.instant().plus(wait);
        OrderInputs.OrderRequest order;
        try {
            order = OrderInputs.placeOrder(input);
        } catch (InvalidInput invalid) {
            return Mono.just(OrderPayload.refused(invalid.error()));
        }
        OrderId orderId = OrderId.forIdempotencyKey(buyer, order.idempotencyKey());
        Attempt attempt = new Attempt(actor, request, buyer, orderId, order, RequestFingerprint.of(order),
                order.fromCart() ? CartId.ofMember(buyer).value() : null, deadline);
        Mono<List<OrderLineInput>> lines = order.fromCart() ? cartLines(buyer) : Mono.just(order.lines());
        return lines.flatMap(resolved -> {
            if (order.fromCart() && resolved.isEmpty()) {
                return probe(attempt, List.of(emptyCart()));
            }
            return quote(new QueryRequest(buyer, resolved, order))
                    .flatMap(result -> result.errors().isEmpty() && result.quote() != null
                            ? place(attempt, result.quote())
                            : probe(attempt, result.errors().stream().map(Checkout::placementError).toList()));
        });
    }

    Mono<OrderPayload> approvePayment(OrderInputs.ApprovePaymentInput input, Actor actor, RequestContext request) {
        OrderAccess.signedIn(actor);
        Instant deadline = clock.instant().plus(wait);
        OrderId orderId;
        try {
            orderId = OrderInputs.orderId(input.orderId());
        } catch (InvalidInput invalid) {
            return Mono.just(OrderPayload.refused(invalid.error()));
        }
        ApprovePayment command = new ApprovePayment(orderId, input.approvalToken());
        // the provider answers inside the command, so the version it returns already holds PAID or PAYMENT_DECLINED
        return waits.sendAndAwait(() -> send(command, actor, request), new FindOrderQuery(orderId, actor.viewer()),
                        (view, version) -> view.version() >= version && view.status() != OrderStatus.AWAITING_PAYMENT,
                        remaining(deadline))
                .map(view -> {
                    OrderView order = view.orElse(null);
                    List<UserError> errors = order != null && order.status() == OrderStatus.PAYMENT_DECLINED
                            ? List.of(declined(order, List.of("input", "approvalToken"))) : List.of();
                    return new OrderPayload(orderId.value(), order, errors);
                })
                .onErrorResume(failure -> refused(failure));
    }

    /** A quote of lines for a buyer (null: a guest), with the request's destination, coupon and points. */
    record QueryRequest(MemberId buyer, List<OrderLineInput> lines, Destination destination, CouponId couponId,
                        long points) {

        QueryRequest(MemberId buyer, List<OrderLineInput> lines, OrderInputs.OrderRequest order) {
            this(buyer, lines, order.address().destination(), order.couponId(), order.points());
        }
    }

    Mono<OrderQuoteResult> quote(QueryRequest request) {
        QuoteOrderQuery query = new QuoteOrderQuery(request.buyer(), request.lines(), request.destination(),
                request.couponId(), request.points());
        return Mono.fromFuture(() -> queryGateway.query(query, OrderQuoteResult.class));
    }

    /** The member's cart as order lines, in the order they were added; empty when there is no cart. */
    Mono<List<OrderLineInput>> cartLines(MemberId member) {
        return Mono.fromFuture(() -> queryGateway.query(new FindCartQuery(CartId.ofMember(member)),
                        ResponseTypes.optionalInstanceOf(CartView.class)))
                .map(cart -> cart.map(view -> view.items().stream()
                        .map(item -> new OrderLineInput(item.productId(), item.variantId(), item.quantity()))
                        .toList()).orElse(List.of()));
    }

    static UserError emptyCart() {
        return new UserError(ErrorCode.INVALID_INPUT, List.of("input", "fromCart"), "Your cart is empty");
    }

    private Mono<OrderPayload> place(Attempt attempt, OrderQuote quote) {
        PlaceOrder command = attempt.command(quote);
        return waits.sendAndAwait(() -> sendRetryingConflict(command, attempt), attempt.view(),
                        (view, version) -> checkoutSettled(view), remaining(attempt.deadline()))
                .map(view -> answer(attempt.orderId(), view.orElse(null)))
                .onErrorResume(failure -> refused(failure));
    }

    /**
     * Asks the Order aggregate whether this key already placed an order (a PlaceOrder without a quote places nothing):
     * a retry gets that order, a reuse of the key for another request gets IDEMPOTENCY_KEY_REUSED, and only a key that
     * placed nothing gets {@code errorsWhenAbsent}.
     */
    private Mono<OrderPayload> probe(Attempt attempt, List<UserError> errorsWhenAbsent) {
        PlaceOrder probe = attempt.command(null);
        return waits.sendAndAwait(() -> send(probe, attempt.actor(), attempt.request()), attempt.view(),
                        (view, version) -> checkoutSettled(view), remaining(attempt.deadline()))
                .map(view -> answer(attempt.orderId(), view.orElse(null)))
                .onErrorResume(failure -> {
                    Optional<RuleViolation> violation = Rejections.violation(failure);
                    if (violation.isPresent() && violation.get().code() == ErrorCode.NOT_FOUND) {
                        return Mono.just(new OrderPayload(null, null, errorsWhenAbsent));
                    }
                    return refused(failure);
                });
    }

    /**
     * Whether checkout has answered: the order left PLACED, and — for brand pay and orders paid wholly by points, whose
     * payment is requested and settled by one command — the payment is settled too, since its request and its answer
     * are two events the read model may show one at a time.
     */
    static boolean checkoutSettled(OrderView view) {
        if (view.status() == OrderStatus.PLACED) {
            return false;
        }
        boolean settledAtOnce = (view.payment() != null && view.payment().method() == PaymentMethod.BRAND_PAY)
                || view.amountToPay().amount() == 0;
        return !(settledAtOnce && view.status() == OrderStatus.AWAITING_PAYMENT);
    }

    /** Two identical requests creating the order at the same moment: the loser's retry finds the winner's order. */
    private Mono<Object> sendRetryingConflict(PlaceOrder command, Attempt attempt) {
        return send(command, attempt.actor(), attempt.request())
                .onErrorResume(failure -> Rejections.violation(failure)
                                .filter(violation -> violation.code() == ErrorCode.CONFLICT).isPresent(),
                        failure -> send(command, attempt.actor(), attempt.request()));
    }

    private Mono<Object> send(Object command, Actor actor, RequestContext request) {
        return Mono.fromFuture(() -> commands.send(command, actor, request));
    }

    /** The order after checkout: a rejection or a declined brand-pay charge is also told as user errors. */
    static OrderPayload answer(OrderId orderId, OrderView order) {
        if (order == null) {
            return new OrderPayload(orderId.value(), null, List.of());
        }
        List<UserError> errors = switch (order.status()) {
            case REJECTED -> rejectionErrors(order);
            case PAYMENT_DECLINED -> List.of(declined(order, List.of("input", "payment")));
            default -> List.of();
        };
        return new OrderPayload(orderId.value(), order, errors);
    }

    /** Line ids are 1..n in input order, so line n is {@code input.lines[n − 1]}. */
    static List<UserError> rejectionErrors(OrderView order) {
        List<UserError> errors = new ArrayList<>();
        for (LineRejection rejection : order.rejections()) {
            errors.add(new UserError(rejection.code() == null ? ErrorCode.INVALID_STATE : rejection.code(),
                    rejectionField(rejection), rejection.message() == null ? "Not available" : rejection.message()));
        }
        if (errors.isEmpty()) {
            errors.add(new UserError(ErrorCode.INVALID_STATE, List.of(),
                    order.statusReason() == null ? "The order could not be placed" : order.statusReason()));
        }
        return errors;
    }

    private static List<String> rejectionField(LineRejection rejection) {
        if (rejection.lineId() != null) {
            try {
                int number = Integer.parseInt(rejection.lineId());
                if (number >= 1) {
                    return List.of("input", "lines", String.valueOf(number - 1));
                }
            } catch (NumberFormatException ignored) {
                // not one of ours: point at the lines as a whole
            }
            return List.of("input", "lines");
        }
        if (rejection.code() == ErrorCode.INSUFFICIENT_POINTS) {
            return List.of("input", "points");
        }
        if (rejection.code() == ErrorCode.COUPON_NOT_APPLICABLE) {
            return List.of("input", "couponCode");
        }
        return List.of();
    }

    private static UserError declined(OrderView order, List<String> field) {
        String message = order.payment() == null || order.payment().declineMessage() == null
                ? "The payment was declined" : order.payment().declineMessage();
        return new UserError(ErrorCode.PAYMENT_DECLINED, field, message);
    }

    /** The quote prices a destination; placeOrder takes it from the shipping address. */
    static UserError placementError(RuleViolation violation) {
        List<String> field = violation.field();
        if (!field.isEmpty() && field.get(0).equals("destination")) {
            List<String> moved = new ArrayList<>(field.size());
            moved.add("shippingAddress");
            moved.addAll(field.subList(1, field.size()));
            field = moved;
        }
        return UserError.of(new RuleViolation(violation.code(), field, violation.message()));
    }

    /** A refusal the buyer can act on is a user error; FORBIDDEN and faults go on to the GraphQL error mapping. */
    private static Mono<OrderPayload> refused(Throwable failure) {
        Optional<RuleViolation> violation = Rejections.violation(failure);
        if (violation.isEmpty() || violation.get().code() == ErrorCode.FORBIDDEN) {
            return Mono.error(failure);
        }
        return Mono.just(OrderPayload.refused(UserError.of(violation.get())));
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
