package io.jangteo.messages.order;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.List;

public record OrderLineView(String lineId, ProductId productId, VariantId variantId, SellerId sellerId,
                            String productName, String sku, List<String> optionValues, Money unitPrice, long quantity,
                            Money amount, Money couponDiscount, long points, Money payAmount, LineStatus status) {
    public OrderLineView {
        optionValues = optionValues == null ? List.of() : List.copyOf(optionValues);
    }
}
