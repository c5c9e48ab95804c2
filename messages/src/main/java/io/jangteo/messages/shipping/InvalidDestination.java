package io.jangteo.messages.shipping;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import java.util.List;

/**
 * The destination itself is malformed (a Korean postcode that is not five digits, a country that is not an ISO 3166-1
 * alpha-2 code), as opposed to {@link NotShippable}, where a well-formed destination is not served.
 */
public class InvalidDestination extends RuntimeException {
    private final transient RuleViolation violation;

    private InvalidDestination(String field, String message) {
        super(message, null, false, false);
        this.violation = new RuleViolation(ErrorCode.INVALID_INPUT, List.of("destination", field), message);
    }

    public static InvalidDestination postcode(String postcode) {
        return new InvalidDestination("postcode", "A Korean postcode has exactly five digits, was '" + postcode + "'");
    }

    public static InvalidDestination country(String country) {
        return new InvalidDestination("country",
                "A country is an upper-case ISO 3166-1 alpha-2 code, was '" + country + "'");
    }

    public RuleViolation violation() {
        return violation;
    }
}
