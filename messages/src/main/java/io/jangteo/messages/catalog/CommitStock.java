package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The reservation's units are sold (payment approved): they leave on-hand and reserved stock. Idempotent. */
public record CommitStock(@TargetAggregateIdentifier ProductId productId, ReservationId reservationId) {
    public CommitStock {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(reservationId, "reservationId");
    }
}
