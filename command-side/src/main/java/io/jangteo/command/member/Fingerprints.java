package io.jangteo.command.member;

import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.MemberId;

/**
 * Digests of personal values, so the aggregate can tell a change to the same value without holding the value: its
 * state (and any snapshot of it) then keeps no name, phone or address in clear. Salted with the member id, so equal
 * values of two members do not show as equal.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    /** Null for an erased value (personal data reads back as null once its key is destroyed). */
    static String of(MemberId memberId, String value) {
        return value == null ? null : Secrets.sha256Hex(memberId.value() + '\u0000' + value);
    }

    static String of(MemberId memberId, Address address) {
        if (address == null) {
            return null;
        }
        // a separator no field may contain, so ("ab", "c") and ("a", "bc") differ
        String joined = String.join("\u0000", String.valueOf(address.label()), address.recipient(), address.phone(),
                address.country(), String.valueOf(address.postcode()), address.line1(),
                String.valueOf(address.line2()), String.valueOf(address.city()), String.valueOf(address.region()));
        return of(memberId, joined);
    }
}
