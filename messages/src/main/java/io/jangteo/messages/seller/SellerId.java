package io.jangteo.messages.seller;

import java.util.Objects;

/** Opaque identifier of a seller shop (입점사). */
public record SellerId(String value) {
    public SellerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("seller id must be 1 to 64 characters");
        }
    }

    public static SellerId of(String value) {
        return new SellerId(value);
    }

    public static SellerId random() {
        return new SellerId(io.jangteo.messages.shared.Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
