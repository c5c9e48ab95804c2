package io.jangteo.messages.order;

import java.util.List;

/** {@code cursors.get(i)} is the cursor of {@code items.get(i)}. */
public record OrderPage(List<OrderView> items, List<String> cursors, long totalCount, boolean hasNextPage) {
    public OrderPage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
    }
}
