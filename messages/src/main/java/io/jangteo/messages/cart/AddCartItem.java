package io.jangteo.messages.cart;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put {@code quantity} of a variant into a cart, on top of what the cart holds of it already (the cart's member, or
 * whoever holds a guest cart's token). Opens the cart if missing. Whether the product exists is not checked: the cart
 * view marks lines that cannot be bought.
 */
public record AddCartItem(@TargetAggregateIdentifier CartId cartId, ProductId productId, VariantId variantId,
                          long quantity) {
    public AddCartItem {
        Objects.requireNonNull(cartId, "cartId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
    }
}
