package io.jangteo.messages.catalog;

/**
 * One page of the catalog in creation order. Either forward ({@code first} after {@code afterId}) or backward
 * ({@code last} before {@code beforeId}); the cursors are product ids.
 */
public record FindProductsQuery(int first, String afterId, int last, String beforeId) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindProductsQuery {
        if (first < 0 || last < 0 || first > MAX_PAGE_SIZE || last > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
        if (first > 0 && last > 0) {
            throw new IllegalArgumentException("ask for first or last, not both");
        }
    }

    public static FindProductsQuery forward(int first, String afterId) {
        return new FindProductsQuery(first, afterId, 0, null);
    }

    public static FindProductsQuery backward(int last, String beforeId) {
        return new FindProductsQuery(0, null, last, beforeId);
    }

    public boolean isBackward() {
        return last > 0;
    }
}
