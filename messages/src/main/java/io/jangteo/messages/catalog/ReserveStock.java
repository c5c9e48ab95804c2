package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hold {@code quantity} of a variant for a checkout. Idempotent by {@code reservationId}: repeating it changes nothing;
 * the same id with a different variant or quantity is refused.
 */
public record ReserveStock(@TargetAggregateIdentifier ProductId productId, VariantId variantId,
                           ReservationId reservationId, long quantity) {
    public ReserveStock {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(reservationId, "reservationId");
    }
}
