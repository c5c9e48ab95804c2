package io.jangteo.messages.order;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel lines before they are shipped (empty {@code lineIds}: every line still open). Before payment the whole order
 * is cancelled; after payment the lines are refunded through the provider. The buyer may cancel while the seller has
 * not started preparing; the seller (its own lines), support and admins until shipment.
 */
public record CancelOrder(@TargetAggregateIdentifier OrderId orderId, List<String> lineIds, String reason) {
    public CancelOrder {
        Objects.requireNonNull(orderId, "orderId");
        lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
    }
}
