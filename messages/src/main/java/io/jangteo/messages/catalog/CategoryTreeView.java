package io.jangteo.messages.catalog;

import java.util.List;

/** Every category, parents before children, siblings by name; {@code version} is the tree's last event sequence. */
public record CategoryTreeView(List<CategoryView> categories, long version) {
    public CategoryTreeView {
        categories = List.copyOf(categories);
    }
}
