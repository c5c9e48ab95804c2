package io.jangteo.messages.order;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.List;
import java.util.Objects;

/**
 * One line as {@link OrderPricing} receives it: what the catalog and the seller directory say about the variant now,
 * and the quantity asked for. {@code unitWeightGrams} is one unit's weight; the quoted line carries the line's total.
 */
public record PricingLine(ProductId productId, VariantId variantId, SellerId sellerId, String sellerName,
                          String productName, String sku, List<String> optionValues, String categoryId,
                          long unitWeightGrams, Money unitPrice, long quantity) {
    public PricingLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        optionValues = optionValues == null ? List.of() : List.copyOf(optionValues);
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (unitPrice.isNegative() || unitWeightGrams < 0) {
            throw new IllegalArgumentException("price and weight cannot be negative");
        }
    }
}
