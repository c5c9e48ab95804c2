package io.jangteo.messages.member;

import io.jangteo.messages.shared.Ids;

/** Identifies one address in a member's address book. */
public record AddressId(String value) {
    public AddressId {
        Ids.checked(value, "addressId");
    }

    public static AddressId of(String value) {
        return new AddressId(value);
    }

    public static AddressId random() {
        return new AddressId(Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
