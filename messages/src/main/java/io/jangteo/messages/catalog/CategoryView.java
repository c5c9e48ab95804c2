package io.jangteo.messages.catalog;

import java.util.List;

/**
 * @param path         ids from the top-level ancestor down to this category (inclusive)
 * @param productCount products in this category and its sub-categories that the viewer may see
 */
public record CategoryView(String id, String parentId, String name, List<String> path, long productCount) {
    public CategoryView {
        path = List.copyOf(path);
    }
}
