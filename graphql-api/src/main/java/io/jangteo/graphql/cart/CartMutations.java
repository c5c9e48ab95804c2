package io.jangteo.graphql.cart;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.graphql.support.Mutations;
import io.jangteo.graphql.support.Mutations.Prepared;
import io.jangteo.graphql.support.Rejections;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.cart.AddCartItem;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.cart.ChangeCartItemQuantity;
import io.jangteo.messages.cart.FindCartQuery;
import io.jangteo.messages.cart.RemoveCartItem;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.shared.ErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cart mutations. The API picks the cart (see {@link CartAccess}); the Cart aggregate checks the limits and, for a
 * member's cart, that the caller is its member. Each answers the cart as it is after the change.
 */
@Controller
class CartMutations {

    private final Mutations mutations;
    private final GuestCartMerge merges;

    CartMutations(Mutations mutations, GuestCartMerge merges) {
        this.mutations = mutations;
        this.merges = merges;
    }

    @MutationMapping
    Mono<CartPayload> addToCart(@Argument AddToCartInput input, Authentication authentication,
                                @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication);
        // an anonymous caller's first item opens a guest cart: the new token is theirs alone, returned once here
        boolean opensGuestCart = CartAccess.isGuest(actor) && (input.guestToken() == null || input.guestToken().isBlank());
        String token = opensGuestCart ? CartId.newGuestToken() : input.guestToken();
        return change(actor, request, token,
                cart -> new AddCartItem(cart, productId(input.productId()), variantId(input.variantId()),
                        input.quantity()));
    }

    @MutationMapping
    Mono<CartPayload> changeCartItemQuantity(@Argument ChangeCartItemQuantityInput input,
                                             Authentication authentication,
                                             @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(Actor.from(authentication), request, input.guestToken(),
                cart -> new ChangeCartItemQuantity(cart, productId(input.productId()), variantId(input.variantId()),
                        input.quantity()));
    }

    @MutationMapping
    Mono<CartPayload> removeFromCart(@Argument RemoveFromCartInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return change(Actor.from(authentication), request, input.guestToken(),
                cart -> new RemoveCartItem(cart, productId(input.productId()), variantId(input.variantId())));
    }

    @MutationMapping
    Mono<CartPayload> mergeGuestCart(@Argument MergeGuestCartInput input, Authentication authentication,
                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication);
        if (actor.isAnonymous()) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in first");
        }
        CartAccess.Target into = CartAccess.memberCart(actor);
        CartAccess.Target guest;
        try {
            guest = CartAccess.guestCart(input.guestToken(), "guestToken");
        } catch (InvalidInput invalid) {
            return Mono.just(new CartPayload(null, null, List.of(invalid.error())));
        }
        return merges.merge(actor, into, guest, request)
                .map(cart -> new CartPayload(cart, null, List.of()))
                .onErrorResume(failure -> userError(failure)
                        .map(error -> Mono.just(new CartPayload(null, null, List.of(error))))
                        .orElseGet(() -> Mono.error(failure)));
    }

    private Mono<CartPayload> change(Actor actor, RequestContext request, String guestToken,
                                     Function<CartId, Object> command) {
        CartAccess.Target target;
        try {
            target = CartAccess.ownCart(actor, guestToken);
        } catch (InvalidInput invalid) {
            return Mono.just(new CartPayload(null, null, List.of(invalid.error())));
        }
        // a refused first item opened no cart, so its new token names nothing and is not handed out
        return mutations.run(actor, request,
                () -> new Prepared(command.apply(target.cartId()), new FindCartQuery(target.cartId())),
                CartView.class, CartView::version,
                (cart, errors) -> new CartPayload(cart, errors.isEmpty() ? target.guestToken() : null, errors));
    }

    private static Optional<UserError> userError(Throwable failure) {
        return Rejections.violation(failure)
                .filter(violation -> violation.code() != ErrorCode.FORBIDDEN)
                .map(UserError::of);
    }

    private static ProductId productId(String raw) {
        ProductId id = Inputs.id(raw, ProductId::of, "product", "productId");
        if (id == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "productId"), "Give the product");
        }
        return id;
    }

    private static VariantId variantId(String raw) {
        return raw == null ? VariantId.DEFAULT : Inputs.id(raw, VariantId::of, "variant", "variantId");
    }

    record AddToCartInput(String guestToken, String productId, String variantId, int quantity) {
    }

    record ChangeCartItemQuantityInput(String guestToken, String productId, String variantId, int quantity) {
    }

    record RemoveFromCartInput(String guestToken, String productId, String variantId) {
    }

    record MergeGuestCartInput(String guestToken) {
    }

    record CartPayload(CartView cart, String guestToken, List<UserError> errors) {
    }
}
