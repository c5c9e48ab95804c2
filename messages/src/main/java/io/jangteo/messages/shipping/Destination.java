package io.jangteo.messages.shipping;

import java.util.Objects;

/** Where a shipment goes: an ISO 3166-1 alpha-2 country ({@code KR} at home) and, in Korea, the five-digit postcode. */
public record Destination(String country, String postcode) {
    public Destination {
        Objects.requireNonNull(country, "country");
    }

    public static Destination korea(String postcode) {
        return new Destination("KR", postcode);
    }

    public boolean isDomestic() {
        return "KR".equals(country);
    }
}
