package io.jangteo.messages.seller;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin lets a suspended shop sell again, with a reason. */
public record ReinstateSeller(@TargetAggregateIdentifier SellerId sellerId, String reason) {
    public ReinstateSeller {
        Objects.requireNonNull(sellerId, "sellerId");
    }
}
