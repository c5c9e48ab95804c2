package io.jangteo.messages.catalog;

import java.util.Objects;

/** Answers an {@code Optional<ProductView>}; subscribers receive each new {@link ProductView} as an update. */
public record FindProductQuery(ProductId productId) {
    public FindProductQuery {
        Objects.requireNonNull(productId, "productId");
    }
}
