package io.jangteo.messages.seller;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin approves a pending shop. */
public record ApproveSeller(@TargetAggregateIdentifier SellerId sellerId) {
    public ApproveSeller {
        Objects.requireNonNull(sellerId, "sellerId");
    }
}
