package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a product in a seller's catalog, in {@code DRAFT}. Without option axes it has exactly one variant (give one
 * spec with no option values, or none and the product makes a default variant). Rules are the aggregate's to judge.
 */
public record CreateProduct(@TargetAggregateIdentifier ProductId productId, SellerId sellerId, String name,
                            String description, String brand, CategoryId categoryId, List<String> tags,
                            Money basePrice, List<OptionAxis> options, List<VariantSpec> variants) {
    public CreateProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(basePrice, "basePrice");
        tags = tags == null ? List.of() : List.copyOf(tags);
        options = options == null ? List.of() : List.copyOf(options);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
