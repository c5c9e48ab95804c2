package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A product entered the catalog, in {@code DRAFT}, with its variants (stock follows as {@link StockReceived}).
 * Revision 2; revision 1 ({@code productId, sellerId, name, price}) is upcast to a product with one default variant.
 */
@Revision("2")
public record ProductCreated(ProductId productId, SellerId sellerId, String name, String description, String brand,
                             CategoryId categoryId, List<String> tags, Money basePrice, List<OptionAxis> options,
                             List<ProductVariant> variants) {
}
