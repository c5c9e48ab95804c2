package io.jangteo.messages.shared;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes new opaque ids: creation time in hex, then 64 random bits. Time first keeps index inserts local in a real MongoDB. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String timePrefixed() {
        byte[] noise = new byte[8];
        RANDOM.nextBytes(noise);
        return String.format("%012x", System.currentTimeMillis()) + HexFormat.of().formatHex(noise);
    }

    /** Guards the shape every opaque id shares: 1 to 64 characters, not blank. */
    public static String checked(String value, String what) {
        java.util.Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException(what + " must be 1 to 64 characters");
        }
        return value;
    }
}
