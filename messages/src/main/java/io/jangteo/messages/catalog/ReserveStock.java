package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hold {@code quantity} of a variant for a checkout. Idempotent by {@code reservationId}: repeating it changes nothing;
 * the same id with a different variant or quantity is refused. {@code expectedUnitPrice}, when given, is the unit price
 * the buyer was shown: a variant that costs something else now is refused with {@code PRICE_CHANGED}, so nobody is
 * charged a price they did not see. Null reserves at whatever the price is.
 */
public record ReserveStock(@TargetAggregateIdentifier ProductId productId, VariantId variantId,
                           ReservationId reservationId, long quantity, Money expectedUnitPrice) {
    public ReserveStock {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(reservationId, "reservationId");
    }

    /** A reservation that does not check the price. */
    public ReserveStock(ProductId productId, VariantId variantId, ReservationId reservationId, long quantity) {
        this(productId, variantId, reservationId, quantity, null);
    }
}
