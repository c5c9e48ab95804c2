package io.jangteo.messages.order;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import java.util.List;

/**
 * Points an order cannot take: fewer than zero, or more than its items cost after the coupon (shipping is always paid
 * in money). Both the quote and checkout report it as {@code INVALID_INPUT} at {@code ["points"]}.
 */
public class InvalidPoints extends IllegalArgumentException {
    private final transient RuleViolation violation;

    private InvalidPoints(String message) {
        super(message);
        this.violation = new RuleViolation(ErrorCode.INVALID_INPUT, List.of("points"), message);
    }

    public static InvalidPoints negative(long points) {
        return new InvalidPoints("Points cannot be negative, was " + points);
    }

    public static InvalidPoints overOrder(long points, long maximum) {
        return new InvalidPoints("At most " + maximum + " points can be used on this order (its items after the"
                + " coupon), asked for " + points);
    }

    public RuleViolation violation() {
        return violation;
    }
}
