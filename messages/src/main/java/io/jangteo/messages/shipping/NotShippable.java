package io.jangteo.messages.shipping;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import java.util.List;

/**
 * The destination is not served: the seller does not ship abroad, the country is in none of its zones, a shipment is
 * heavier than its heaviest bracket, or the seller has no policy. A typed rule failure both sides understand.
 */
public class NotShippable extends RuntimeException {
    private final transient RuleViolation violation;

    public NotShippable(String message) {
        super(message, null, false, false);
        this.violation = new RuleViolation(ErrorCode.NOT_SHIPPABLE, List.of("destination"), message);
    }

    public RuleViolation violation() {
        return violation;
    }
}
