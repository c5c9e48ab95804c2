package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * The current state of a product as the catalog read model knows it; {@code version} is its last event's sequence.
 * {@code minPrice}/{@code maxPrice} span the active variants' prices (all variants when none is active);
 * {@code inStock} is whether any active variant has stock available; {@code sellerActive} is whether its shop may
 * sell now (looked up when the view is made).
 */
public record ProductView(String id, String sellerId, String name, String description, String brand,
                          String categoryId, List<String> tags, ProductStatus status, Money basePrice,
                          Money minPrice, Money maxPrice, List<OptionAxis> options, List<VariantView> variants,
                          List<MediaView> media, boolean inStock, boolean sellerActive, long version,
                          Instant createdAt, Instant updatedAt) {
    public ProductView {
        tags = List.copyOf(tags);
        options = List.copyOf(options);
        variants = List.copyOf(variants);
        media = List.copyOf(media);
    }
}
