package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set how many of a variant already in the cart to buy (at least 1: removing is {@link RemoveCartItem}). */
public record ChangeCartItemQuantity(@TargetAggregateIdentifier CartId cartId, ProductId productId,
                                     VariantId variantId, long quantity) {
    public ChangeCartItemQuantity {
        Objects.requireNonNull(cartId, "cartId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
