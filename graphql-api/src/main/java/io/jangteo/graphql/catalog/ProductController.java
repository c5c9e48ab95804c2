package io.jangteo.graphql.catalog;

import io.jangteo.graphql.catalog.CatalogNodes.Category;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.seller.SellerBatches;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.Cursors;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.graphql.support.Inputs.MoneyInput;
import io.jangteo.graphql.support.PageInfo;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FindProductAsOfQuery;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.CategoryTreeView;
import io.jangteo.messages.catalog.FindCategoriesQuery;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.FindProductsQuery;
import io.jangteo.messages.catalog.ProductFilter;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPage;
import io.jangteo.messages.catalog.ProductSort;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.ProductVisibility;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.shared.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The catalog's queries and subscriptions, and the product fields that need more than the view. */
@Controller
class ProductController {

    private static final String CURSOR_KIND = "product";
    // the query side's cursor format is its own; the API only makes sure it is one it could have issued
    private static final Pattern CURSOR_KEY = Pattern.compile("[\\x21-\\x7e]{1,512}");
    private static final int DEFAULT_PAGE = 20;

    private final QueryGateway queryGateway;
    private final SellerBatches sellers;

    ProductController(QueryGateway queryGateway, SellerBatches sellers) {
        this.queryGateway = queryGateway;
        this.sellers = sellers;
    }

    @QueryMapping
    Mono<ProductView> product(@Argument String id, @Argument Instant asOf, Authentication authentication) {
        Viewer viewer = Actor.from(authentication).viewer();
        ProductId productId = productId(id, "id");
        Object query = asOf == null ? new FindProductQuery(productId) : new FindProductAsOfQuery(productId, AsOf.of(asOf));
        Mono<ProductView> visible = Mono.fromFuture(() -> queryGateway.query(query,
                        ResponseTypes.optionalInstanceOf(ProductView.class)))
                .flatMap(Mono::justOrEmpty)
                // an invisible product answers exactly like a missing one, so drafts of other shops do not leak; as of
                // an instant, the rules apply to the product as it was then
                .filter(view -> ProductVisibility.isVisible(view.status(), view.sellerId(), view.sellerActive(), viewer));
        return asOf == null ? visible : visible.switchIfEmpty(Mono.error(() -> new ApiException(
                ApiException.Code.NOT_FOUND, "No product you may see existed at that instant")));
    }

    @QueryMapping
    Mono<ProductConnection> products(@Argument ProductFilterInput filter, @Argument ProductSort sort,
                                     @Argument Integer first, @Argument String after,
                                     @Argument Integer last, @Argument String before, Authentication authentication) {
        FindProductsQuery query = pageQuery(filter(filter), sort, first, after, last, before,
                Actor.from(authentication).viewer());
        return Mono.fromFuture(() -> queryGateway.query(query, ProductPage.class)).map(ProductController::connection);
    }

    @QueryMapping
    Mono<List<Category>> categories(Authentication authentication) {
        return tree(Actor.from(authentication).viewer()).map(CatalogNodes::roots);
    }

    @QueryMapping
    Mono<Category> category(@Argument String id, Authentication authentication) {
        return tree(Actor.from(authentication).viewer()).mapNotNull(tree -> CatalogNodes.categories(tree).get(id));
    }

    @SubscriptionMapping
    Flux<ProductView> productChanged(@Argument String id, Authentication authentication) {
        FindProductQuery query = new FindProductQuery(productId(id, "id"));
        // the same visibility as product(id): a visitor is pushed only changes of products it may see
        Viewer viewer = Actor.from(authentication).viewer();
        return Flux.using(
                        () -> queryGateway.subscriptionQuery(query, ResponseTypes.optionalInstanceOf(ProductView.class),
                                ResponseTypes.instanceOf(ProductView.class)),
                        SubscriptionQueryResult::updates,
                        SubscriptionQueryResult::close)
                .filter(view -> ProductVisibility.isVisible(view.status(), view.sellerId(), view.sellerActive(), viewer));
    }

    @BatchMapping(typeName = "Product", field = "seller")
    Mono<Map<ProductView, SellerView>> seller(List<ProductView> products) {
        return sellers.sellersOf(products, ProductView::sellerId);
    }

    @BatchMapping(typeName = "Product", field = "category")
    Mono<Map<ProductView, Category>> category(List<ProductView> products, Principal principal) {
        Viewer viewer = Actor.from(principal instanceof Authentication a ? a : null).viewer();
        return tree(viewer).map(tree -> {
            Map<String, Category> byId = CatalogNodes.categories(tree);
            Map<ProductView, Category> result = new HashMap<>();
            products.forEach(p -> {
                Category category = p.categoryId() == null ? null : byId.get(p.categoryId());
                if (category != null) {
                    result.put(p, category);
                }
            });
            return result;
        });
    }

    @SchemaMapping(typeName = "Product", field = "price")
    Object price(ProductView product) {
        return product.minPrice();
    }

    @SchemaMapping(typeName = "Product", field = "priceRange")
    CatalogNodes.PriceRange priceRange(ProductView product) {
        return new CatalogNodes.PriceRange(product.minPrice(), product.maxPrice());
    }

    @SchemaMapping(typeName = "Product", field = "variants")
    List<CatalogNodes.Variant> variants(ProductView product, Authentication authentication) {
        boolean showLevels = Actor.from(authentication).isStaffOrSellerOf(product.sellerId());
        return product.variants().stream().map(v -> CatalogNodes.Variant.of(v, showLevels)).toList();
    }

    @SchemaMapping(typeName = "Product", field = "media")
    List<CatalogNodes.Media> media(ProductView product) {
        return product.media().stream().map(CatalogNodes.Media::of).toList();
    }

    private Mono<CategoryTreeView> tree(Viewer viewer) {
        return Mono.fromFuture(() -> queryGateway.query(new FindCategoriesQuery(viewer), CategoryTreeView.class));
    }

    private static ProductFilter filter(ProductFilterInput input) {
        if (input == null) {
            return ProductFilter.NONE;
        }
        try {
            return new ProductFilter(
                    Inputs.id(input.categoryId(), CategoryId::of, "category", "categoryId"),
                    Inputs.id(input.sellerId(), SellerId::of, "seller", "sellerId"),
                    Inputs.money(input.minPrice(), "minPrice"), Inputs.money(input.maxPrice(), "maxPrice"),
                    input.statuses() == null ? null : Set.copyOf(input.statuses()), input.inStock(),
                    input.text() == null || input.text().isBlank() ? null : input.text().strip());
        } catch (InvalidInput invalid) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT,
                    "filter." + invalid.error().field().get(1) + ": " + invalid.getMessage());
        }
    }

    private static FindProductsQuery pageQuery(ProductFilter filter, ProductSort sort, Integer first, String after,
                                               Integer last, String before, Viewer viewer) {
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
            return new FindProductsQuery(filter, sort, 0, null, size,
                    Cursors.decode(CURSOR_KIND, before, "before", CURSOR_KEY), viewer);
        }
        return new FindProductsQuery(filter, sort, size, Cursors.decode(CURSOR_KIND, after, "after", CURSOR_KEY), 0,
                null, viewer);
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

    static ProductId productId(String id, String argument) {
        try {
            return ProductId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + argument + "' is not a product id");
        }
    }

    record ProductFilterInput(String categoryId, String sellerId, MoneyInput minPrice, MoneyInput maxPrice,
                              List<ProductStatus> statuses, Boolean inStock, String text) {
    }

    record ProductEdge(String cursor, ProductView node) {
    }

    record ProductConnection(List<ProductEdge> edges, PageInfo pageInfo, long totalCount) {
    }
}
