package io.jangteo.messages.shipping;

import io.jangteo.messages.shared.RuleViolation;
import java.util.List;

/** Either a quote (and no errors) or the errors (and no quote). */
public record ShippingQuoteResult(ShippingQuote quote, List<RuleViolation> errors) {
    public ShippingQuoteResult {
        errors = List.copyOf(errors);
    }
}
