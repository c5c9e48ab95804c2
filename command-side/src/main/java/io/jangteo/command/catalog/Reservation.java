package io.jangteo.command.catalog;

import io.jangteo.messages.catalog.VariantId;

/** Units of one variant held for a checkout, and what became of them. Kept after release or commit for idempotency. */
record Reservation(VariantId variantId, long quantity, State state) {

    enum State { RESERVED, RELEASED, COMMITTED }

    Reservation with(State newState) {
        return new Reservation(variantId, quantity, newState);
    }
}
