package io.jangteo.messages.seller;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin refuses a pending shop, with a reason the applicant will read. */
public record RejectSeller(@TargetAggregateIdentifier SellerId sellerId, String reason) {
    public RejectSeller {
        Objects.requireNonNull(sellerId, "sellerId");
    }
}
