package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a reservation's units back (payment failed, order cancelled before payment). Idempotent. */
public record ReleaseStock(@TargetAggregateIdentifier ProductId productId, ReservationId reservationId) {
    public ReleaseStock {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(reservationId, "reservationId");
    }
}
