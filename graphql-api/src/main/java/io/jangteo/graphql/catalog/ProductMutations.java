package io.jangteo.graphql.catalog;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.graphql.support.Inputs.MoneyInput;
import io.jangteo.graphql.support.Mutations;
import io.jangteo.graphql.support.Mutations.Prepared;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.catalog.AddVariant;
import io.jangteo.messages.catalog.AdjustStock;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.ChangeBasePrice;
import io.jangteo.messages.catalog.ChangeVariant;
import io.jangteo.messages.catalog.ChangeVariantStatus;
import io.jangteo.messages.catalog.CommitStock;
import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.DescribeProduct;
import io.jangteo.messages.catalog.DetachMedia;
import io.jangteo.messages.catalog.DiscontinueProduct;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.HideProduct;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.PublishProduct;
import io.jangteo.messages.catalog.RecategorizeProduct;
import io.jangteo.messages.catalog.ReceiveStock;
import io.jangteo.messages.catalog.ReleaseStock;
import io.jangteo.messages.catalog.RenameProduct;
import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantSpec;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Product mutations. Who may change which product is the Product aggregate's rule (owning seller or admin); the API
 * only turns away callers whose role can never manage products, and refuses malformed input before sending anything.
 */
@Controller
class ProductMutations {

    private final Mutations mutations;

    ProductMutations(Mutations mutations) {
        this.mutations = mutations;
    }

    @MutationMapping
    Mono<ProductPayload> createProduct(@Argument CreateProductInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = manager(authentication);
        return run(actor, request, () -> {
            String seller = input.sellerId() == null || input.sellerId().isBlank() ? actor.sellerId() : input.sellerId();
            if (seller == null) {
                throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "sellerId"),
                        "Name the seller shop the product belongs to");
            }
            Money basePrice = Inputs.money(input.basePrice(), "basePrice");
            List<OptionAxis> options = input.options() == null ? List.of()
                    : input.options().stream().map(o -> new OptionAxis(o.name(), o.values())).toList();
            List<VariantSpec> variants = new ArrayList<>();
            if (input.variants() != null) {
                for (int i = 0; i < input.variants().size(); i++) {
                    variants.add(spec(input.variants().get(i), basePrice, "variants", String.valueOf(i)));
                }
            }
            ProductId productId = ProductId.random();
            return new Prepared(new CreateProduct(productId, Inputs.id(seller, SellerId::of, "seller", "sellerId"),
                    input.name(), input.description(), input.brand(),
                    Inputs.id(input.categoryId(), CategoryId::of, "category", "categoryId"), input.tags(), basePrice,
                    options, variants), new FindProductQuery(productId));
        });
    }

    @MutationMapping
    Mono<ProductPayload> renameProduct(@Argument RenameProductInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), id -> new RenameProduct(id, input.name()));
    }

    @MutationMapping
    Mono<ProductPayload> describeProduct(@Argument DescribeProductInput input, Authentication authentication,
                                         @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(),
                id -> new DescribeProduct(id, input.description(), input.brand(), input.tags()));
    }

    @MutationMapping
    Mono<ProductPayload> recategorizeProduct(@Argument RecategorizeProductInput input, Authentication authentication,
                                             @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), id -> new RecategorizeProduct(id,
                Inputs.id(input.categoryId(), CategoryId::of, "category", "categoryId")));
    }

    @MutationMapping
    Mono<ProductPayload> changeBasePrice(@Argument ChangeBasePriceInput input, Authentication authentication,
                                         @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(),
                id -> new ChangeBasePrice(id, Inputs.money(input.basePrice(), "basePrice")));
    }

    @MutationMapping
    Mono<ProductPayload> addVariant(@Argument AddVariantInput input, Authentication authentication,
                                    @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(),
                id -> new AddVariant(id, spec(input.variant(), null, "variant")));
    }

    @MutationMapping
    Mono<ProductPayload> changeVariant(@Argument ChangeVariantInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), id -> new ChangeVariant(id,
                variantId(input.variantId()), input.sku(), Inputs.money(input.priceDelta(), "priceDelta"),
                input.weightGrams()));
    }

    @MutationMapping
    Mono<ProductPayload> changeVariantStatus(@Argument ChangeVariantStatusInput input, Authentication authentication,
                                             @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(),
                id -> new ChangeVariantStatus(id, variantId(input.variantId()), input.status()));
    }

    @MutationMapping
    Mono<ProductPayload> publishProduct(@Argument ProductInput input, Authentication authentication,
                                        @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), PublishProduct::new);
    }

    @MutationMapping
    Mono<ProductPayload> hideProduct(@Argument ProductInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), HideProduct::new);
    }

    @MutationMapping
    Mono<ProductPayload> discontinueProduct(@Argument ProductInput input, Authentication authentication,
                                            @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), DiscontinueProduct::new);
    }

    @MutationMapping
    Mono<ProductPayload> receiveStock(@Argument ReceiveStockInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), id -> new ReceiveStock(id,
                variantOrDefault(input.variantId()), input.quantity(), input.reason()));
    }

    @MutationMapping
    Mono<ProductPayload> adjustStock(@Argument AdjustStockInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), id -> new AdjustStock(id,
                variantOrDefault(input.variantId()), input.delta(), input.reason()));
    }

    @MutationMapping
    Mono<ProductPayload> reserveStock(@Argument ReserveStockInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(), id -> new ReserveStock(id,
                variantOrDefault(input.variantId()), reservationId(input.reservationId()), input.quantity()));
    }

    @MutationMapping
    Mono<ProductPayload> releaseStock(@Argument StockReservationInput input, Authentication authentication,
                                      @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(),
                id -> new ReleaseStock(id, reservationId(input.reservationId())));
    }

    @MutationMapping
    Mono<ProductPayload> commitStock(@Argument StockReservationInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(),
                id -> new CommitStock(id, reservationId(input.reservationId())));
    }

    @MutationMapping
    Mono<ProductPayload> detachMedia(@Argument DetachMediaInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(authentication, request, input.productId(),
                id -> new DetachMedia(id, Inputs.id(input.mediaId(), MediaId::of, "medium", "mediaId")));
    }

    private static Actor manager(Authentication authentication) {
        return Actor.from(authentication).requireRole(ActorRole.SELLER, ActorRole.ADMIN);
    }

    private Mono<ProductPayload> change(Authentication authentication, RequestContext request, String rawProductId,
                                        Function<ProductId, Object> command) {
        Actor actor = manager(authentication);
        return run(actor, request, () -> {
            ProductId productId = Inputs.id(rawProductId, ProductId::of, "product", "productId");
            return new Prepared(command.apply(productId), new FindProductQuery(productId));
        });
    }

    private Mono<ProductPayload> run(Actor actor, RequestContext request,
                                     java.util.function.Supplier<Prepared> prepare) {
        return mutations.run(actor, request, prepare, ProductView.class, ProductView::version, ProductPayload::new);
    }

    private static VariantSpec spec(VariantInput input, Money basePrice, String... field) {
        Money delta = input.priceDelta() == null
                ? (basePrice == null ? null : Money.of(0, basePrice.currency()))
                : Inputs.money(input.priceDelta(), append(field, "priceDelta"));
        if (delta == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, Inputs.path(field, "priceDelta"),
                    "Give the variant's price delta");
        }
        return new VariantSpec(input.id() == null ? null : Inputs.id(input.id(), VariantId::of, "variant",
                append(field, "id")), input.sku(), input.optionValues(), delta,
                input.weightGrams() == null ? 0 : input.weightGrams(),
                input.initialStock() == null ? 0 : input.initialStock());
    }

    private static String[] append(String[] field, String more) {
        String[] path = java.util.Arrays.copyOf(field, field.length + 1);
        path[field.length] = more;
        return path;
    }

    private static VariantId variantId(String raw) {
        return Inputs.id(raw, VariantId::of, "variant", "variantId");
    }

    private static VariantId variantOrDefault(String raw) {
        return raw == null ? VariantId.DEFAULT : variantId(raw);
    }

    private static ReservationId reservationId(String raw) {
        try {
            return ReservationId.of(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "reservationId"), e.getMessage());
        }
    }

    record OptionAxisInput(String name, List<String> values) {
    }

    record VariantInput(String id, String sku, List<String> optionValues, MoneyInput priceDelta, Long weightGrams,
                        Long initialStock) {
    }

    record CreateProductInput(String sellerId, String name, String description, String brand, String categoryId,
                              List<String> tags, MoneyInput basePrice, List<OptionAxisInput> options,
                              List<VariantInput> variants) {
    }

    record RenameProductInput(String productId, String name) {
    }

    record DescribeProductInput(String productId, String description, String brand, List<String> tags) {
    }

    record RecategorizeProductInput(String productId, String categoryId) {
    }

    record ChangeBasePriceInput(String productId, MoneyInput basePrice) {
    }

    record AddVariantInput(String productId, VariantInput variant) {
    }

    record ChangeVariantInput(String productId, String variantId, String sku, MoneyInput priceDelta,
                              long weightGrams) {
    }

    record ChangeVariantStatusInput(String productId, String variantId, VariantStatus status) {
    }

    record ProductInput(String productId) {
    }

    record ReceiveStockInput(String productId, String variantId, long quantity, String reason) {
    }

    record AdjustStockInput(String productId, String variantId, long delta, String reason) {
    }

    record ReserveStockInput(String productId, String variantId, String reservationId, long quantity) {
    }

    record StockReservationInput(String productId, String reservationId) {
    }

    record DetachMediaInput(String productId, String mediaId) {
    }

    record ProductPayload(ProductView product, List<UserError> errors) {
    }
}
