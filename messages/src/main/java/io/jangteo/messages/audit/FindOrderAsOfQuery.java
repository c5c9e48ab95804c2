package io.jangteo.messages.audit;

import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.shared.Viewer;

import java.util.Objects;

/**
 * An order as it was at {@code asOf}, rebuilt from its events in the event store (not read from the projection), as
 * {@code viewer} may see it. Answers {@code Optional<OrderView>}: empty when the order did not exist yet (or does not
 * exist, or is not the viewer's).
 */
public record FindOrderAsOfQuery(OrderId orderId, AsOf asOf, Viewer viewer) {
    public FindOrderAsOfQuery {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(viewer, "viewer");
    }
}
