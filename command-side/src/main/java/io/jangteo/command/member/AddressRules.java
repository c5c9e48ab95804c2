package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.shared.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes an address deliverable: a Korean address by its five-digit postcode (우편번호) and road address; an
 * overseas one by country, street and city. Returned normalised (stripped, blanks as null, phone as digits, unused
 * parts dropped), so the same address written twice compares equal.
 */
final class AddressRules {

    static final int MAX_ADDRESSES = 10;
    static final int MAX_LABEL = 20;
    static final int MAX_RECIPIENT = 50;
    static final int MAX_LINE = 200;
    static final int MAX_CITY = 100;
    static final int MAX_REGION = 100;
    static final int MAX_FOREIGN_POSTCODE = 20;
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private AddressRules() {
    }

    static Address validated(Address address) {
        if (address == null) {
            throw new AddressDetailMissing(field(), "An address is required");
        }
        String label = optional(address.label(), MAX_LABEL, "label", "A label");
        String recipient = required(address.recipient(), MAX_RECIPIENT, "recipient", "A recipient");
        String phone = ContactDetails.phone(address.phone(), field("phone"));
        String country = address.country() == null ? "" : address.country().strip();
        if (Address.KOREA.equals(country)) {
            String postcode = address.postcode() == null ? "" : address.postcode().strip();
            if (!postcode.matches("[0-9]{5}")) {
                throw new InvalidPostcode();
            }
            return Address.korean(label, recipient, phone, postcode,
                    required(address.line1(), MAX_LINE, "line1", "A road address"),
                    optional(address.line2(), MAX_LINE, "line2", "An address detail"));
        }
        // upper-case as given: "kr" is not silently made Korean (it would skip the postcode rule above)
        if (!country.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(country)) {
            throw new InvalidCountry();
        }
        return new Address(label, recipient, phone, country,
                optional(address.postcode(), MAX_FOREIGN_POSTCODE, "postcode", "A postcode"),
                required(address.line1(), MAX_LINE, "line1", "A street address"),
                optional(address.line2(), MAX_LINE, "line2", "A second address line"),
                required(address.city(), MAX_CITY, "city", "A city"),
                optional(address.region(), MAX_REGION, "region", "A region"));
    }

    static void assertId(AddressId addressId) {
        if (addressId == null) {
            throw new AddressDetailMissing(List.of("addressId"), "An address id is required");
        }
    }

    private static String required(String value, int max, String part, String what) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new AddressDetailMissing(field(part), what + " is required");
        }
        return limited(stripped, max, part, what);
    }

    private static String optional(String value, int max, String part, String what) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? null : limited(stripped, max, part, what);
    }

    private static String limited(String stripped, int max, String part, String what) {
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new AddressDetailTooLong(field(part), what + " has at most " + max + " characters");
        }
        return stripped;
    }

    private static List<String> field(String... parts) {
        List<String> field = new ArrayList<>(List.of("address"));
        field.addAll(List.of(parts));
        return field;
    }

    static final class AddressDetailMissing extends DomainRuleViolation {
        AddressDetailMissing(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class AddressDetailTooLong extends DomainRuleViolation {
        AddressDetailTooLong(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class InvalidPostcode extends DomainRuleViolation {
        InvalidPostcode() {
            super(ErrorCode.INVALID_INPUT, field("postcode"), "A Korean postcode has five digits");
        }
    }

    static final class InvalidCountry extends DomainRuleViolation {
        InvalidCountry() {
            super(ErrorCode.INVALID_INPUT, field("country"),
                    "A country is an upper-case ISO 3166-1 alpha-2 code (KR, JP, US...)");
        }
    }

    static final class TooManyAddresses extends DomainRuleViolation {
        TooManyAddresses() {
            super(ErrorCode.INVALID_STATE, List.of(), "An address book holds at most " + MAX_ADDRESSES + " addresses");
        }
    }

    static final class DuplicateAddressId extends DomainRuleViolation {
        DuplicateAddressId() {
            super(ErrorCode.DUPLICATE, List.of("addressId"), "This address id is already in use");
        }
    }

    static final class UnknownAddress extends DomainRuleViolation {
        UnknownAddress() {
            super(ErrorCode.NOT_FOUND, List.of("addressId"), "No such address in this address book");
        }
    }
}
