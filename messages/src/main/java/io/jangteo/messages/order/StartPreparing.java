package io.jangteo.messages.order;

import io.jangteo.messages.seller.SellerId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller starts preparing its part (배송준비중). */
public record StartPreparing(@TargetAggregateIdentifier OrderId orderId, SellerId sellerId) {
    public StartPreparing {
        Objects.requireNonNull(orderId, "orderId");
    }
}
