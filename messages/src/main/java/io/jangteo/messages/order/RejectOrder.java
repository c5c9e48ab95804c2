package io.jangteo.messages.order;

import io.jangteo.messages.shared.ErrorCode;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checkout could not reserve the order's stock, coupon or points (system actors). */
public record RejectOrder(@TargetAggregateIdentifier OrderId orderId, List<LineRejection> rejections, ErrorCode code,
                          String reason) {
    public RejectOrder {
        Objects.requireNonNull(orderId, "orderId");
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }
}
