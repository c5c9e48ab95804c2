package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules on a product's texts and price. Lengths count code points, what a person sees, not UTF-16 units. Each method
 * answers the normalised value the events record, so a handler cannot check one form and record another.
 */
final class ProductRules {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 20_000;
    static final int MAX_BRAND_LENGTH = 100;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 30;

    private ProductRules() {
    }

    static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new ProductNameRequired();
        }
        if (length(stripped) > MAX_NAME_LENGTH) {
            throw new ProductNameTooLong();
        }
        return stripped;
    }

    /** No description is an empty one, so "none" and "" never differ in the history. */
    static String validDescription(String description) {
        String stripped = description == null ? "" : description.strip();
        if (length(stripped) > MAX_DESCRIPTION_LENGTH) {
            throw new DescriptionTooLong();
        }
        return stripped;
    }

    /** A blank brand is no brand. */
    static String validBrand(String brand) {
        String stripped = brand == null ? "" : brand.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (length(stripped) > MAX_BRAND_LENGTH) {
            throw new BrandTooLong();
        }
        return stripped;
    }

    /** Stripped and de-duplicated ignoring case (the first spelling wins); the limit counts distinct tags. */
    static List<String> validTags(List<String> tags) {
        List<String> distinct = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip();
            if (tag.isEmpty() || length(tag) > MAX_TAG_LENGTH) {
                throw new InvalidTag(i);
            }
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                distinct.add(tag);
            }
        }
        if (distinct.size() > MAX_TAGS) {
            throw new TooManyTags();
        }
        return List.copyOf(distinct);
    }

    static void assertValidBasePrice(Money basePrice) {
        if (basePrice.isNegative()) {
            throw new NegativePrice(basePrice);
        }
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
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

    static final class DescriptionTooLong extends DomainRuleViolation {
        DescriptionTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("description"),
                    "A description has at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
    }

    static final class BrandTooLong extends DomainRuleViolation {
        BrandTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("brand"), "A brand has at most " + MAX_BRAND_LENGTH + " characters");
        }
    }

    static final class InvalidTag extends DomainRuleViolation {
        InvalidTag(int index) {
            super(ErrorCode.INVALID_INPUT, List.of("tags", String.valueOf(index)),
                    "A tag has 1 to " + MAX_TAG_LENGTH + " characters");
        }
    }

    static final class TooManyTags extends DomainRuleViolation {
        TooManyTags() {
            super(ErrorCode.INVALID_INPUT, List.of("tags"), "A product has at most " + MAX_TAGS + " tags");
        }
    }

    static final class NegativePrice extends DomainRuleViolation {
        NegativePrice(Money price) {
            super(ErrorCode.INVALID_INPUT, List.of("basePrice", "amount"), "A price cannot be negative, was " + price);
        }
    }
}
