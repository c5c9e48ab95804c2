package io.jangteo.messages.shipping;

/** Korean five-digit postcodes {@code from} to {@code to}, both inclusive. */
public record PostcodeRange(int from, int to) {
    public PostcodeRange {
        if (from < 0 || to > 99999 || from > to) {
            throw new IllegalArgumentException("postcode range must be 00000-99999 with from <= to");
        }
    }

    public boolean contains(int postcode) {
        return postcode >= from && postcode <= to;
    }
}
