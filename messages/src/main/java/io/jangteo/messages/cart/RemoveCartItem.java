package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a variant's line out of the cart. */
public record RemoveCartItem(@TargetAggregateIdentifier CartId cartId, ProductId productId, VariantId variantId) {
    public RemoveCartItem {
        Objects.requireNonNull(cartId, "cartId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
