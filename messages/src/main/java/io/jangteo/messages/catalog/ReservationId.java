package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Ids;

/** Names one stock reservation (checkout uses order id and line); repeating a command with the same id changes nothing. */
public record ReservationId(String value) {
    public ReservationId {
        Ids.checked(value, "reservation id");
    }

    public static ReservationId of(String value) {
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
