package io.jangteo.messages.seller;

import java.util.List;

/** Sellers in no particular order. */
public record SellerList(List<SellerView> sellers) {
    public SellerList {
        sellers = List.copyOf(sellers);
    }
}
