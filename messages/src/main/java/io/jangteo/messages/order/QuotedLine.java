package io.jangteo.messages.order;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.List;

/**
 * A priced line as the buyer was shown it and the order keeps it. {@code amount} = unitPrice × quantity;
 * {@code couponDiscount} and {@code points} are this line's share of the order's coupon discount and points (shares add
 * up exactly to the order's); {@code payAmount} = amount − couponDiscount − points, what a refund of this line gives back
 * in money (its {@code points} go back as points).
 */
public record QuotedLine(String lineId, ProductId productId, VariantId variantId, SellerId sellerId,
                         String productName, String sku, List<String> optionValues, String categoryId,
                         long weightGrams, Money unitPrice, long quantity, Money amount, Money couponDiscount,
                         long points, Money payAmount) {
    public QuotedLine {
        optionValues = optionValues == null ? List.of() : List.copyOf(optionValues);
    }
}
