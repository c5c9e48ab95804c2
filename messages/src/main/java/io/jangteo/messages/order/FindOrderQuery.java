package io.jangteo.messages.order;

import io.jangteo.messages.shared.Viewer;
import java.util.Objects;

/** One order as {@code viewer} may see it; answers {@code Optional<OrderView>} (empty: none, or not theirs). */
public record FindOrderQuery(OrderId orderId, Viewer viewer) {
    public FindOrderQuery {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(viewer, "viewer");
    }
}
