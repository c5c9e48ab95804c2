package io.jangteo.messages.seller;

import java.util.List;

/** A page of sellers; {@code cursors.get(i)} is the cursor of {@code items.get(i)}. */
public record SellerPage(List<SellerView> items, List<String> cursors, long totalCount, boolean hasNextPage) {
    public SellerPage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
    }
}
