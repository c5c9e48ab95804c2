package io.jangteo.messages.seller;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin stops an active shop from selling, with a reason. */
public record SuspendSeller(@TargetAggregateIdentifier SellerId sellerId, String reason) {
    public SuspendSeller {
        Objects.requireNonNull(sellerId, "sellerId");
    }
}
