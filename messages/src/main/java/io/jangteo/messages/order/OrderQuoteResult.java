package io.jangteo.messages.order;

import io.jangteo.messages.shared.RuleViolation;
import java.util.List;

/** Either a quote (and no errors) or the errors (and no quote); error fields name the input path ("lines", "0", ...). */
public record OrderQuoteResult(OrderQuote quote, List<RuleViolation> errors) {
    public OrderQuoteResult {
        errors = List.copyOf(errors);
    }
}
