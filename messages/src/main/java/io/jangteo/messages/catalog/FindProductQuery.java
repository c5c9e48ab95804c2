package io.jangteo.messages.catalog;

import java.util.Objects;

/**
 * Answers an {@code Optional<ProductView>} whatever its status (visibility is the caller's to apply with
 * {@link ProductVisibility}); subscribers receive each new {@link ProductView} as an update.
 */
public record FindProductQuery(ProductId productId) {
    public FindProductQuery {
        Objects.requireNonNull(productId, "productId");
    }
}
