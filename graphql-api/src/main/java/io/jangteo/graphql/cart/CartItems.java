package io.jangteo.graphql.cart;

import io.jangteo.graphql.cart.CartItemNode.UnavailableReason;
import io.jangteo.messages.cart.CartItemView;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.ProductVisibility;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantView;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.Viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cart's lines with what the catalog says about them now: price, stock and whether each can be bought. A cart keeps
 * any product id it was given, so a line may name a product nobody can see: a draft (never on sale) answers like a
 * missing product, without its name or price; a product that was on sale and is hidden or discontinued now still shows
 * what the buyer put in the cart, with the reason it cannot be bought.
 */
final class CartItems {

    private CartItems() {
    }

    static List<CartItemNode> of(CartView cart, Map<String, ProductView> products, Viewer viewer) {
        List<CartItemNode> items = new ArrayList<>(cart.items().size());
        for (CartItemView item : cart.items()) {
            items.add(item(item, products.get(item.productId().value()), viewer));
        }
        return items;
    }

    static CartItemNode item(CartItemView item, ProductView product, Viewer viewer) {
        String productId = item.productId().value();
        String variantId = item.variantId().value();
        if (product == null || product.status() == ProductStatus.DRAFT) {
            return new CartItemNode(productId, variantId, null, null, List.of(), null, null, null, null, null,
                    item.quantity(), null, false, UnavailableReason.NOT_FOUND, item.addedAt());
        }
        ProductView shown = ProductVisibility.isVisible(product.status(), product.sellerId(), product.sellerActive(),
                viewer) ? product : null;
        VariantView variant = variant(product, variantId);
        if (variant == null) {
            return new CartItemNode(productId, variantId, shown, product.name(), List.of(), null, product.sellerId(),
                    product.categoryId(), null, null, item.quantity(), null, false, UnavailableReason.NOT_FOUND,
                    item.addedAt());
        }
        UnavailableReason reason = reason(product, variant, item.quantity());
        return new CartItemNode(productId, variantId, shown, product.name(), variant.optionValues(), variant.sku(),
                product.sellerId(), product.categoryId(), variant.price(), times(variant.price(), item.quantity()),
                item.quantity(), variant.available(), reason == null, reason, item.addedAt());
    }

    /** The first rule that stops a purchase, from the product's fate down to this line's quantity; null when none. */
    static UnavailableReason reason(ProductView product, VariantView variant, long quantity) {
        return switch (product.status()) {
            case DRAFT -> UnavailableReason.NOT_FOUND;
            case DISCONTINUED -> UnavailableReason.DISCONTINUED;
            case HIDDEN -> UnavailableReason.HIDDEN;
            case ON_SALE, SOLD_OUT -> {
                if (!product.sellerActive()) {
                    yield UnavailableReason.SHOP_UNAVAILABLE;
                }
                if (variant.status() != VariantStatus.ACTIVE) {
                    yield UnavailableReason.VARIANT_UNAVAILABLE;
                }
                if (variant.available() <= 0) {
                    yield UnavailableReason.SOLD_OUT;
                }
                yield variant.available() < quantity ? UnavailableReason.NOT_ENOUGH_STOCK : null;
            }
        };
    }

    /** What the purchasable lines cost, when they share one currency (the catalog prices in one). */
    static Money itemsTotal(List<CartItemNode> items) {
        Money total = null;
        for (CartItemNode item : items) {
            if (!item.purchasable()) {
                continue;
            }
            if (total != null && !total.currency().equals(item.lineAmount().currency())) {
                return null;
            }
            total = total == null ? item.lineAmount() : total.plus(item.lineAmount());
        }
        return total;
    }

    private static VariantView variant(ProductView product, String variantId) {
        for (VariantView variant : product.variants()) {
            if (variant.variantId().equals(variantId)) {
                return variant;
            }
        }
        return null;
    }

    private static Money times(Money price, long quantity) {
        return price == null ? null : new Money(Math.multiplyExact(price.amount(), quantity), price.currency());
    }
}
