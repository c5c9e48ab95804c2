package io.jangteo.messages.order;

import io.jangteo.messages.shared.Viewer;
import java.util.Objects;

/** Orders newest first, as {@code viewer} may see them (the API sets buyer or seller for non-staff). Answers an {@link OrderPage}. */
public record FindOrdersQuery(OrderFilter filter, Viewer viewer, int first, String after) {
    public static final int MAX_PAGE_SIZE = 100;

    public FindOrdersQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(viewer, "viewer");
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
    }
}
