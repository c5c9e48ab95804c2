package io.jangteo.messages.order;

import java.util.Objects;

/**
 * Every stored event of an order, oldest first, read from the event store. Answers an {@link OrderHistoryPage}; the API
 * checks who may read it.
 */
public record FindOrderHistoryQuery(OrderId orderId, int first, String after) {
    public static final int MAX_PAGE_SIZE = 200;

    public FindOrderHistoryQuery {
        Objects.requireNonNull(orderId, "orderId");
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
    }
}
