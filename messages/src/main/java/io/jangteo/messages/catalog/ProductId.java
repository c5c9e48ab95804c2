package io.jangteo.messages.catalog;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Opaque product identifier. New ids start with the creation time in hex, which keeps index inserts local in a real
 * MongoDB and makes ids readable in logs; clients must not rely on their shape.
 */
public record ProductId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

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
        byte[] noise = new byte[8];
        RANDOM.nextBytes(noise);
        return new ProductId(String.format("%012x", System.currentTimeMillis()) + HexFormat.of().formatHex(noise));
    }

    @Override
    public String toString() {
        return value;
    }
}
