package io.jangteo.graphql.catalog;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.support.Cursors;
import io.jangteo.graphql.support.PageInfo;
import io.jangteo.graphql.support.Rejections;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.FindProductsQuery;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPage;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.RenameProduct;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The catalog's queries, mutations and subscriptions. */
@Controller
class ProductController {

    private static final String CURSOR_KIND = "product";
    private static final Pattern CURSOR_KEY = Pattern.compile("[0-9]{1,18}");
    private static final int DEFAULT_PAGE = 20;

    private final Commands commands;
    private final QueryGateway queryGateway;

    ProductController(Commands commands, QueryGateway queryGateway) {
        this.commands = commands;
        this.queryGateway = queryGateway;
    }

    @QueryMapping
    Mono<ProductView> product(@Argument String id) {
        return Mono.fromFuture(() -> queryGateway.query(new FindProductQuery(productId(id, "id")),
                        ResponseTypes.optionalInstanceOf(ProductView.class)))
                .flatMap(Mono::justOrEmpty);
    }

    @QueryMapping
    Mono<ProductConnection> products(@Argument Integer first, @Argument String after,
                                     @Argument Integer last, @Argument String before) {
        FindProductsQuery query = pageQuery(first, after, last, before);
        return Mono.fromFuture(() -> queryGateway.query(query, ProductPage.class)).map(ProductController::connection);
    }

    @MutationMapping
    Mono<ProductPayload> createProduct(@Argument CreateProductInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext requestContext) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.SELLER, ActorRole.ADMIN);
        String seller = input.sellerId() == null || input.sellerId().isBlank() ? actor.sellerId() : input.sellerId();
        if (seller == null) {
            return Mono.just(ProductPayload.failed(UserError.invalid(List.of("input", "sellerId"),
                    "Name the seller shop the product belongs to")));
        }
        Money price;
        SellerId sellerId;
        try {
            sellerId = SellerId.of(seller);
        } catch (IllegalArgumentException e) {
            return Mono.just(ProductPayload.failed(UserError.invalid(List.of("input", "sellerId"), e.getMessage())));
        }
        try {
            price = Money.of(input.price().amount(), input.price().currency());
        } catch (IllegalArgumentException e) {
            return Mono.just(ProductPayload.failed(
                    UserError.invalid(List.of("input", "price", "currency"), e.getMessage())));
        }
        ProductId productId = ProductId.random();
        return send(new CreateProduct(productId, sellerId, input.name(), price), productId, actor, requestContext);
    }

    @MutationMapping
    Mono<ProductPayload> renameProduct(@Argument RenameProductInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext requestContext) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.SELLER, ActorRole.ADMIN);
        ProductId productId;
        try {
            productId = ProductId.of(input.productId());
        } catch (IllegalArgumentException e) {
            return Mono.just(ProductPayload.failed(new UserError(ErrorCode.NOT_FOUND,
                    List.of("input", "productId"), "No such product")));
        }
        return send(new RenameProduct(productId, input.name()), productId, actor, requestContext);
    }

    @SubscriptionMapping
    Flux<ProductView> productChanged(@Argument String id) {
        FindProductQuery query = new FindProductQuery(productId(id, "id"));
        return Flux.using(
                () -> queryGateway.subscriptionQuery(query, ResponseTypes.optionalInstanceOf(ProductView.class),
                        ResponseTypes.instanceOf(ProductView.class)),
                SubscriptionQueryResult::updates,
                SubscriptionQueryResult::close);
    }

    private Mono<ProductPayload> send(Object command, ProductId productId, Actor actor, RequestContext request) {
        return commands.sendAndAwait(command, actor, request, new FindProductQuery(productId), ProductView.class,
                        ProductView::version)
                .map(view -> new ProductPayload(view.orElse(null), List.of()))
                .onErrorResume(failure -> rejected(failure).map(Mono::just).orElseGet(() -> Mono.error(failure)));
    }

    /** Business rule failures become user errors; FORBIDDEN and anything unexpected go on to the error mapping. */
    private static Optional<ProductPayload> rejected(Throwable failure) {
        Optional<RuleViolation> violation = Rejections.violation(failure);
        if (violation.isEmpty() || violation.get().code() == ErrorCode.FORBIDDEN) {
            return Optional.empty();
        }
        return Optional.of(ProductPayload.failed(UserError.of(violation.get())));
    }

    private static FindProductsQuery pageQuery(Integer first, String after, Integer last, String before) {
        if (first != null && last != null) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "Ask for 'first' or 'last', not both");
        }
        if (after != null && before != null) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "Give 'after' or 'before', not both");
        }
        int size = first != null ? first : last != null ? last : DEFAULT_PAGE;
        if (size < 0 || size > FindProductsQuery.MAX_PAGE_SIZE) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT,
                    "Page size must be between 0 and " + FindProductsQuery.MAX_PAGE_SIZE);
        }
        if (last != null || before != null) {
            return FindProductsQuery.backward(size, Cursors.decode(CURSOR_KIND, before, "before", CURSOR_KEY));
        }
        return FindProductsQuery.forward(size, Cursors.decode(CURSOR_KIND, after, "after", CURSOR_KEY));
    }

    private static ProductConnection connection(ProductPage page) {
        List<ProductEdge> edges = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(new ProductEdge(Cursors.encode(CURSOR_KIND, page.cursors().get(i)), page.items().get(i)));
        }
        PageInfo pageInfo = new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new ProductConnection(edges, pageInfo, page.totalCount());
    }

    private static ProductId productId(String id, String argument) {
        try {
            return ProductId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + argument + "' is not a product id");
        }
    }

    record MoneyInput(long amount, String currency) {
    }

    record CreateProductInput(String sellerId, String name, MoneyInput price) {
    }

    record RenameProductInput(String productId, String name) {
    }

    record ProductPayload(ProductView product, List<UserError> errors) {
        static ProductPayload failed(UserError error) {
            return new ProductPayload(null, List.of(error));
        }
    }

    record ProductEdge(String cursor, ProductView node) {
    }

    record ProductConnection(List<ProductEdge> edges, PageInfo pageInfo, long totalCount) {
    }
}
