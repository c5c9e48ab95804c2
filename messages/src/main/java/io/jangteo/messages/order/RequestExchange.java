package io.jangteo.messages.order;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer asks to exchange delivered lines of one seller (교환 신청) for the same variant. */
public record RequestExchange(@TargetAggregateIdentifier OrderId orderId, List<String> lineIds, ReturnReason reason,
                              String detail) {
    public RequestExchange {
        Objects.requireNonNull(orderId, "orderId");
        lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
    }
}
