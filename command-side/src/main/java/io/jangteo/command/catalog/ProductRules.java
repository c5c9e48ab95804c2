package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.util.List;

/** Shape rules of a product that need the aggregate's judgement rather than a record constructor's. */
final class ProductRules {

    static final int MAX_NAME_LENGTH = 200;

    private ProductRules() {
    }

    static void assertValidName(String name) {
        if (name == null || name.isBlank()) {
            throw new ProductNameRequired();
        }
        if (name.strip().codePointCount(0, name.strip().length()) > MAX_NAME_LENGTH) {
            throw new ProductNameTooLong();
        }
    }

    static void assertValidPrice(Money price) {
        if (price.isNegative()) {
            throw new NegativePrice(price);
        }
    }

    static final class ProductNameRequired extends DomainRuleViolation {
        ProductNameRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("name"), "A product needs a name");
        }
    }

    static final class ProductNameTooLong extends DomainRuleViolation {
        ProductNameTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("name"),
                    "A product name has at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    static final class NegativePrice extends DomainRuleViolation {
        NegativePrice(Money price) {
            super(ErrorCode.INVALID_INPUT, List.of("price", "amount"), "A price cannot be negative, was " + price);
        }
    }
}
