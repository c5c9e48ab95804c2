package io.jangteo.messages.seller;

import java.util.List;
import java.util.Objects;

/** Answers a {@link SellerList} with the sellers among {@code sellerIds} that exist (for batch loading). */
public record FindSellersByIdsQuery(List<SellerId> sellerIds) {
    public FindSellersByIdsQuery {
        sellerIds = List.copyOf(sellerIds);
    }
}
