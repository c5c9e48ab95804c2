package io.jangteo.graphql.order;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.Cursors;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.PageInfo;
import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FindOrderAsOfQuery;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.ClaimView;
import io.jangteo.messages.order.FindOrderHistoryQuery;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.FindOrdersQuery;
import io.jangteo.messages.order.OrderFilter;
import io.jangteo.messages.order.OrderHistoryPage;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.OrderLineView;
import io.jangteo.messages.order.OrderPage;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.RefundView;
import io.jangteo.messages.order.SellerPartView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.messages.shipping.Destination;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Order queries, the Order type's fields and the order's live updates. Visibility is the query side's: every order is
 * asked for with the caller as viewer, and comes back whole (buyer, staff), cut to one shop's part (its seller), or
 * not at all. The API adds who may list which orders and who may read an order's history.
 */
@Controller
class OrderController {

    private static final Pattern CURSOR_KEY = Pattern.compile("[\\x21-\\x7e]{1,512}");
    private static final int DEFAULT_PAGE = 20;

    private final QueryGateway queryGateway;
    private final Checkout checkout;

    OrderController(QueryGateway queryGateway, Checkout checkout) {
        this.queryGateway = queryGateway;
        this.checkout = checkout;
    }

    record MyOrdersFilter(List<OrderStatus> statuses, Instant placedFrom, Instant placedTo) {
    }

    record OrdersFilter(List<OrderStatus> statuses, Instant placedFrom, Instant placedTo, String buyerId,
                        String sellerId) {
    }

    record OrderQuotePayload(OrderQuote quote, List<UserError> errors) {
    }

    record Edge<T>(String cursor, T node) {
    }

    record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {
    }

    // ---- queries ----

    @QueryMapping
    Mono<OrderView> order(@Argument String id, @Argument Instant asOf, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        if (actor.isAnonymous()) {
            return Mono.empty();
        }
        OrderId orderId;
        try {
            orderId = OrderId.of(id);
        } catch (IllegalArgumentException e) {
            if (asOf != null) {
                throw notFoundAsOf();
            }
            return Mono.empty(); // an id that cannot be one names no order
        }
        if (asOf != null) {
            // rebuilt from the event store with the caller as viewer, so a seller sees only its part then as now;
            // "not placed yet", "no such order" and "not yours" give the same answer
            return Mono.fromFuture(() -> queryGateway.query(
                            new FindOrderAsOfQuery(orderId, AsOf.of(asOf), actor.viewer()),
                            ResponseTypes.optionalInstanceOf(OrderView.class)))
                    .flatMap(Mono::justOrEmpty)
                    .switchIfEmpty(Mono.error(OrderController::notFoundAsOf));
        }
        return Mono.fromFuture(() -> queryGateway.query(new FindOrderQuery(orderId, actor.viewer()),
                        ResponseTypes.optionalInstanceOf(OrderView.class)))
                .flatMap(Mono::justOrEmpty);
    }

    private static ApiException notFoundAsOf() {
        return new ApiException(ApiException.Code.NOT_FOUND, "No order you may see existed at that instant");
    }

    @QueryMapping
    Mono<Connection<OrderView>> myOrders(@Argument Integer first, @Argument String after,
                                         @Argument MyOrdersFilter filter, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        MemberId buyer = OrderAccess.buyer(actor);
        MyOrdersFilter f = filter == null ? new MyOrdersFilter(null, null, null) : filter;
        return page(new OrderFilter(buyer, null, f.statuses(), f.placedFrom(), f.placedTo()), actor.viewer(), first,
                after);
    }

    @QueryMapping
    Mono<Connection<OrderView>> sellerOrders(@Argument Integer first, @Argument String after,
                                             @Argument MyOrdersFilter filter, @Argument String sellerId,
                                             Authentication authentication) {
        Actor actor = Actor.from(authentication)
                .requireRole(ActorRole.SELLER, ActorRole.SUPPORT, ActorRole.ADMIN, ActorRole.ANALYST);
        String shop;
        if (actor.role() == ActorRole.SELLER) {
            if (sellerId != null && !sellerId.equals(actor.sellerId())) {
                throw new ApiException(ApiException.Code.FORBIDDEN, "A seller lists its own shop's orders only");
            }
            shop = actor.sellerId();
        } else if (sellerId == null) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "Name the seller shop with 'sellerId'");
        } else {
            shop = sellerId;
        }
        MyOrdersFilter f = filter == null ? new MyOrdersFilter(null, null, null) : filter;
        return page(new OrderFilter(null, sellerIdArgument(shop, "sellerId"), f.statuses(), f.placedFrom(),
                f.placedTo()), actor.viewer(), first, after);
    }

    @QueryMapping
    Mono<Connection<OrderView>> orders(@Argument Integer first, @Argument String after, @Argument OrdersFilter filter,
                                       Authentication authentication) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.SUPPORT, ActorRole.ADMIN, ActorRole.ANALYST);
        OrdersFilter f = filter == null ? new OrdersFilter(null, null, null, null, null) : filter;
        MemberId buyer;
        try {
            buyer = f.buyerId() == null ? null : MemberId.of(f.buyerId());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'filter.buyerId' is not a member id");
        }
        SellerId seller = f.sellerId() == null ? null : sellerIdArgument(f.sellerId(), "filter.sellerId");
        return page(new OrderFilter(buyer, seller, f.statuses(), f.placedFrom(), f.placedTo()), actor.viewer(), first,
                after);
    }

    @QueryMapping
    Mono<OrderQuotePayload> quoteOrder(@Argument OrderInputs.QuoteOrderInput input, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        MemberId buyer = OrderAccess.memberOrNull(actor);
        boolean fromCart;
        List<OrderLineInput> lines;
        Destination destination;
        CouponId couponId;
        try {
            fromCart = OrderInputs.fromCart(input.lines(), input.fromCart());
            lines = fromCart ? null : OrderInputs.lines(input.lines());
            destination = OrderInputs.destination(input.destination());
            couponId = OrderInputs.couponId(input.couponCode());
        } catch (InvalidInput invalid) {
            return Mono.just(new OrderQuotePayload(null, List.of(invalid.error())));
        }
        if (fromCart && buyer == null) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in to quote your cart");
        }
        long points = input.points() == null ? 0 : input.points();
        Mono<List<OrderLineInput>> resolved = fromCart ? checkout.cartLines(buyer) : Mono.just(lines);
        return resolved.flatMap(items -> fromCart && items.isEmpty()
                ? Mono.just(new OrderQuotePayload(null, List.of(Checkout.emptyCart())))
                : checkout.quote(new Checkout.QueryRequest(buyer, items, destination, couponId, points))
                .map(result -> new OrderQuotePayload(result.errors().isEmpty() ? result.quote() : null,
                        result.errors().stream().map(UserError::of).toList())));
    }

    // ---- live updates ----

    @SubscriptionMapping
    Flux<OrderView> orderStatusChanged(@Argument String orderId, Authentication authentication) {
        Actor actor = OrderAccess.signedIn(Actor.from(authentication));
        OrderId id;
        try {
            id = OrderId.of(orderId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'orderId' is not an order id");
        }
        // the query side filters each update for this viewer, so a seller is pushed only its own part
        FindOrderQuery query = new FindOrderQuery(id, actor.viewer());
        return Flux.using(
                        () -> queryGateway.subscriptionQuery(query, ResponseTypes.optionalInstanceOf(OrderView.class),
                                ResponseTypes.instanceOf(OrderView.class)),
                        subscription -> subscription.initialResult().flatMapMany(initial -> initial
                                .<Flux<OrderView>>map(order -> Flux.concat(Flux.just(order), subscription.updates()))
                                // the same answer for an order that does not exist and one that is not the caller's
                                .orElseGet(() -> Flux.error(new ApiException(ApiException.Code.FORBIDDEN,
                                        "No such order, or not yours")))),
                        SubscriptionQueryResult::close)
                .distinctUntilChanged(OrderController::statuses);
    }

    /** What a status subscriber is told about: the order's, each part's and each line's status. */
    static String statuses(OrderView order) {
        return order.status() + "|"
                + order.sellers().stream().map(p -> p.sellerId().value() + "=" + p.status())
                .collect(Collectors.joining(",")) + "|"
                + order.lines().stream().map(l -> l.lineId() + "=" + l.status()).collect(Collectors.joining(","));
    }

    // ---- Order fields ----

    @SchemaMapping(typeName = "Order", field = "id")
    String id(OrderView order) {
        return order.orderId().value();
    }

    @SchemaMapping(typeName = "Order", field = "buyerId")
    String buyerId(OrderView order) {
        return order.buyerId().value();
    }

    @SchemaMapping(typeName = "Order", field = "couponCode")
    String couponCode(OrderView order) {
        return order.couponId() == null ? null : order.couponId().value();
    }

    @SchemaMapping(typeName = "Order", field = "couponDiscount")
    Money couponDiscount(OrderView order) {
        return orZero(order.couponDiscount(), order.itemsTotal());
    }

    @SchemaMapping(typeName = "Order", field = "refundedTotal")
    Money refundedTotal(OrderView order) {
        return orZero(order.refundedTotal(), order.itemsTotal());
    }

    @SchemaMapping(typeName = "Order", field = "history")
    Mono<Connection<HistoryEntryView>> history(OrderView order, @Argument Integer first, @Argument String after,
                                               Authentication authentication) {
        OrderAccess.assertMayReadHistory(Actor.from(authentication), order);
        FindOrderHistoryQuery query = new FindOrderHistoryQuery(order.orderId(),
                pageSize(first, FindOrderHistoryQuery.MAX_PAGE_SIZE),
                Cursors.decode("order-history", after, "after", CURSOR_KEY));
        return Mono.fromFuture(() -> queryGateway.query(query, OrderHistoryPage.class))
                .map(page -> connection("order-history", page.items(), page.cursors(), page.hasNextPage(), after,
                        page.totalCount()));
    }

    @SchemaMapping(typeName = "OrderLine", field = "productId")
    String productId(OrderLineView line) {
        return value(line.productId());
    }

    @SchemaMapping(typeName = "OrderLine", field = "variantId")
    String variantId(OrderLineView line) {
        return value(line.variantId());
    }

    @SchemaMapping(typeName = "OrderLine", field = "sellerId")
    String sellerId(OrderLineView line) {
        return value(line.sellerId());
    }

    @SchemaMapping(typeName = "OrderSellerPart", field = "sellerId")
    String sellerId(SellerPartView part) {
        return value(part.sellerId());
    }

    @SchemaMapping(typeName = "OrderClaim", field = "sellerId")
    String sellerId(ClaimView claim) {
        return value(claim.sellerId());
    }

    @SchemaMapping(typeName = "OrderRefund", field = "sellerId")
    String sellerId(RefundView refund) {
        return value(refund.sellerId());
    }

    // ---- OrderQuote fields ----

    @SchemaMapping(typeName = "OrderQuote", field = "couponCode")
    String couponCode(OrderQuote quote) {
        return quote.couponId() == null ? null : quote.couponId().value();
    }

    @SchemaMapping(typeName = "OrderQuote", field = "couponDiscount")
    Money couponDiscount(OrderQuote quote) {
        return orZero(quote.couponDiscount(), quote.itemsTotal());
    }

    @SchemaMapping(typeName = "OrderQuoteLine", field = "productId")
    String productId(QuotedLine line) {
        return value(line.productId());
    }

    @SchemaMapping(typeName = "OrderQuoteLine", field = "variantId")
    String variantId(QuotedLine line) {
        return value(line.variantId());
    }

    @SchemaMapping(typeName = "OrderQuoteLine", field = "sellerId")
    String sellerId(QuotedLine line) {
        return value(line.sellerId());
    }

    @SchemaMapping(typeName = "OrderQuoteSellerPart", field = "sellerId")
    String sellerId(QuotedSellerPart part) {
        return value(part.sellerId());
    }

    // ---- helpers ----

    private Mono<Connection<OrderView>> page(OrderFilter filter, Viewer viewer, Integer first, String after) {
        FindOrdersQuery query = new FindOrdersQuery(filter, viewer, pageSize(first, FindOrdersQuery.MAX_PAGE_SIZE),
                Cursors.decode("order", after, "after", CURSOR_KEY));
        return Mono.fromFuture(() -> queryGateway.query(query, OrderPage.class))
                .map(page -> connection("order", page.items(), page.cursors(), page.hasNextPage(), after,
                        page.totalCount()));
    }

    private static SellerId sellerIdArgument(String raw, String argument) {
        try {
            return SellerId.of(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + argument + "' is not a seller id");
        }
    }

    private static Money orZero(Money amount, Money sameCurrencyAs) {
        if (amount != null) {
            return amount;
        }
        return Money.of(0, sameCurrencyAs == null ? "KRW" : sameCurrencyAs.currency());
    }

    /** Ids print as their value. */
    private static String value(Object id) {
        return id == null ? null : id.toString();
    }

    private static int pageSize(Integer first, int max) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 0 || size > max) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "Page size must be between 0 and " + max);
        }
        return size;
    }

    private static <T> Connection<T> connection(String kind, List<T> items, List<String> cursors, boolean hasNext,
                                                String after, long totalCount) {
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            edges.add(new Edge<>(Cursors.encode(kind, cursors.get(i)), items.get(i)));
        }
        return new Connection<>(edges, new PageInfo(hasNext, after != null,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), totalCount);
    }
}
