package io.jangteo.messages.catalog;

/**
 * The whole category tree is one aggregate: categories are few, and sibling-name uniqueness and "no cycles" are rules
 * over the tree, not over one category. Every category command targets {@link #CATALOG}.
 */
public record CategoryTreeId(String value) {
    public static final CategoryTreeId CATALOG = new CategoryTreeId("catalog");

    @Override
    public String toString() {
        return value;
    }
}
