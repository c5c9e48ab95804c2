package io.jangteo.messages.catalog;

import java.util.Objects;

/**
 * Opaque product identifier. New ids start with the creation time in hex, which keeps index inserts local in a real
 * MongoDB and makes ids readable in logs; clients must not rely on their shape.
 */
public record ProductId(String value) {

    public ProductId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("product id must be 1 to 64 characters");
        }
    }

    public static ProductId of(String value) {
        return new ProductId(value);
    }

    public static ProductId random() {
        return new ProductId(io.jangteo.messages.shared.Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
