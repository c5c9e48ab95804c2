package io.jangteo.messages.order;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer asks to return delivered lines of one seller (반품 신청). */
public record RequestReturn(@TargetAggregateIdentifier OrderId orderId, List<String> lineIds, ReturnReason reason,
                            String detail) {
    public RequestReturn {
        Objects.requireNonNull(orderId, "orderId");
        lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
    }
}
