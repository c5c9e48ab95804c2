package io.jangteo.messages.seller;

import java.util.Objects;

/** Answers an {@code Optional<SellerView>}; subscribers receive each new {@link SellerView} as an update. */
public record FindSellerQuery(SellerId sellerId) {
    public FindSellerQuery {
        Objects.requireNonNull(sellerId, "sellerId");
    }
}
