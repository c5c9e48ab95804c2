package io.jangteo.messages.catalog;

import java.util.List;

/** A page of products; {@code cursors.get(i)} is the cursor of {@code items.get(i)}. */
public record ProductPage(List<ProductView> items, List<String> cursors, long totalCount,
                          boolean hasNextPage, boolean hasPreviousPage) {
    public ProductPage {
        items = List.copyOf(items);
        cursors = List.copyOf(cursors);
        if (items.size() != cursors.size()) {
            throw new IllegalArgumentException("one cursor per item");
        }
    }
}
