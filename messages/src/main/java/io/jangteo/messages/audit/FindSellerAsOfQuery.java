package io.jangteo.messages.audit;

import io.jangteo.messages.seller.SellerId;

import java.util.Objects;

/**
 * A seller shop (profile, status, the shipping policy version in force) as it was at {@code asOf}, rebuilt from its
 * events. Answers {@code Optional<SellerView>}, empty before its registration.
 */
public record FindSellerAsOfQuery(SellerId sellerId, AsOf asOf) {
    public FindSellerAsOfQuery {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(asOf, "asOf");
    }
}
