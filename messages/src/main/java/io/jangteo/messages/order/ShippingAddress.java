package io.jangteo.messages.order;

import io.jangteo.messages.shipping.Destination;

/**
 * Where and to whom an order is delivered; personal data of the buyer. {@code country} is ISO 3166-1 alpha-2
 * ({@code KR} at home, then {@code postcode} is the five-digit 우편번호).
 */
public record ShippingAddress(String recipient, String phone, String country, String postcode, String address1,
                              String address2, String memo) {
    public Destination destination() {
        return new Destination(country, postcode);
    }
}
