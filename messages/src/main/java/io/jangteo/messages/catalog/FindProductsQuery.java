package io.jangteo.messages.catalog;

/**
 * One page of the catalog in the order products entered it. Either forward ({@code first} after the cursor
 * {@code after}) or backward ({@code last} before the cursor {@code before}). Cursors are the keys a previous
 * {@link ProductPage} handed out; their format is the query side's business.
 */
public record FindProductsQuery(int first, String after, int last, String before) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindProductsQuery {
        if (first < 0 || last < 0 || first > MAX_PAGE_SIZE || last > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
        if (first > 0 && last > 0) {
            throw new IllegalArgumentException("ask for first or last, not both");
        }
    }

    public static FindProductsQuery forward(int first, String after) {
        return new FindProductsQuery(first, after, 0, null);
    }

    public static FindProductsQuery backward(int last, String before) {
        return new FindProductsQuery(0, null, last, before);
    }

    public boolean isBackward() {
        return last > 0 || (before != null && first == 0);
    }
}
