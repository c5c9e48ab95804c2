package io.jangteo.messages.stream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Exactly where a stream stood after an event. A position alone is not enough in embedded mode: the JDBC store hands
 * out positions when a transaction starts, so an event may commit late into a position already passed (a gap). The
 * token keeps the gaps still open, so a client resuming with it also gets such a late event; resuming with the bare
 * position would skip it. Clients treat the encoded form as opaque.
 */
public record ResumeToken(long index, List<Long> gaps) {

    private static final String PREFIX = "v1:";

    public ResumeToken {
        Objects.requireNonNull(gaps, "gaps");
        gaps = List.copyOf(new TreeSet<>(gaps));
        if (index < -1) {
            throw new IllegalArgumentException("a resume token's index is -1 or more");
        }
        for (long gap : gaps) {
            if (gap < 0 || gap >= index) {
                throw new IllegalArgumentException("a resume token's gaps lie below its index");
            }
        }
    }

    /** The opaque text a client keeps: URL-safe, so it fits a query parameter too. */
    public String encode() {
        StringBuilder text = new StringBuilder(PREFIX).append(index);
        for (long gap : gaps) {
            text.append(',').append(gap);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException if the text is not a token this API handed out */
    public static ResumeToken decode(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a resume token");
            }
            String[] parts = text.substring(PREFIX.length()).split(",", -1);
            long index = Long.parseLong(parts[0]);
            TreeSet<Long> gaps = new TreeSet<>();
            for (int i = 1; i < parts.length; i++) {
                gaps.add(Long.parseLong(parts[i]));
            }
            return new ResumeToken(index, List.copyOf(gaps));
        } catch (IllegalArgumentException e) { // also a NumberFormatException
            throw new IllegalArgumentException("not a resume token this API handed out", e);
        }
    }
}
