package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Viewer;
import java.util.Objects;

/**
 * One page of the products {@code viewer} may see that match {@code filter}, in {@code sort} order. Either forward
 * ({@code first} after the cursor {@code after}) or backward ({@code last} before the cursor {@code before}). Cursors
 * are the keys a previous {@link ProductPage} of the same filter and sort handed out; their format is the query
 * side's business.
 */
public record FindProductsQuery(ProductFilter filter, ProductSort sort, int first, String after, int last,
                                String before, Viewer viewer) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindProductsQuery {
        filter = filter == null ? ProductFilter.NONE : filter;
        sort = sort == null ? ProductSort.NEWEST : sort;
        Objects.requireNonNull(viewer, "viewer");
        if (first < 0 || last < 0 || first > MAX_PAGE_SIZE || last > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
        if (first > 0 && last > 0) {
            throw new IllegalArgumentException("ask for first or last, not both");
        }
    }

    public static FindProductsQuery forward(ProductFilter filter, ProductSort sort, int first, String after,
                                            Viewer viewer) {
        return new FindProductsQuery(filter, sort, first, after, 0, null, viewer);
    }

    public boolean isBackward() {
        return last > 0 || (before != null && first == 0);
    }
}
