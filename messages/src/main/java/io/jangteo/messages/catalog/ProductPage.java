package io.jangteo.messages.catalog;

import java.util.List;

public record ProductPage(List<ProductView> items, long totalCount, boolean hasNextPage, boolean hasPreviousPage) {
    public ProductPage {
        items = List.copyOf(items);
    }
}
