package io.jangteo.graphql.cart;

import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.shared.Money;

import java.time.Instant;
import java.util.List;

/**
 * A cart line as the schema's {@code CartItem} shows it. {@code product} is set only when the caller may see the
 * product; {@code categoryId} is kept for coupon scopes and not shown.
 */
record CartItemNode(String productId, String variantId, ProductView product, String name, List<String> optionValues,
                    String sku, String sellerId, String categoryId, Money unitPrice, Money lineAmount, long quantity,
                    Long availableStock, boolean purchasable, UnavailableReason unavailableReason, Instant addedAt) {

    /** The schema's {@code CartItemUnavailableReason}. */
    enum UnavailableReason {
        NOT_FOUND, HIDDEN, DISCONTINUED, SHOP_UNAVAILABLE, VARIANT_UNAVAILABLE, SOLD_OUT, NOT_ENOUGH_STOCK
    }
}
