package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantSpec;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Rules on option axes and variants: each variant is one combination of the axes' values, identified, priced and
 * weighed. Field paths name the command's input ({@code variants/2/sku} for a create, {@code variant/sku} for an add).
 */
final class VariantRules {

    static final int MAX_AXES = 3;
    static final int MAX_AXIS_NAME_LENGTH = 30;
    static final int MAX_AXIS_VALUES = 50;
    static final int MAX_VARIANTS = 200;
    static final int MAX_SKU_LENGTH = 64;

    private VariantRules() {
    }

    /** The axes with names and values stripped, as the events record them and variants must match them. */
    static List<OptionAxis> validOptions(List<OptionAxis> options) {
        if (options.size() > MAX_AXES) {
            throw new TooManyOptionAxes();
        }
        List<OptionAxis> valid = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int a = 0; a < options.size(); a++) {
            OptionAxis axis = options.get(a);
            String name = axis.name().strip();
            if (name.isEmpty() || ProductRules.length(name) > MAX_AXIS_NAME_LENGTH) {
                throw new InvalidOptionAxisName(a);
            }
            if (!names.add(name)) {
                throw new DuplicateOptionAxis(a, name);
            }
            if (axis.values().isEmpty() || axis.values().size() > MAX_AXIS_VALUES) {
                throw new InvalidOptionValueCount(a);
            }
            List<String> values = new ArrayList<>();
            for (int v = 0; v < axis.values().size(); v++) {
                String value = axis.values().get(v) == null ? "" : axis.values().get(v).strip();
                if (value.isEmpty()) {
                    throw new BlankOptionValue(a, v);
                }
                if (values.contains(value)) {
                    throw new DuplicateOptionValue(a, v, value);
                }
                values.add(value);
            }
            valid.add(new OptionAxis(name, values));
        }
        return List.copyOf(valid);
    }

    /**
     * The variants a new product starts with. Without axes it has exactly one, the default variant unless the spec
     * names another; with axes at least one. Missing ids are assigned {@code v1, v2...} in spec order.
     */
    static List<ProductVariant> initialVariants(List<OptionAxis> axes, List<VariantSpec> specs, Money basePrice) {
        if (axes.isEmpty()) {
            if (specs.size() > 1) {
                throw new OneVariantWithoutOptions(List.of("variants"));
            }
            if (specs.isEmpty()) {
                return List.of(new ProductVariant(VariantId.DEFAULT, null, List.of(),
                        Money.of(0, basePrice.currency()), 0, VariantStatus.ACTIVE));
            }
        } else if (specs.isEmpty()) {
            throw new VariantRequired();
        }
        if (specs.size() > MAX_VARIANTS) {
            throw new TooManyVariants(List.of("variants"));
        }
        Taken taken = new Taken();
        for (int i = 0; i < specs.size(); i++) {
            VariantId given = specs.get(i).variantId();
            if (given != null && !taken.ids.add(given)) {
                throw new DuplicateVariantId(List.of("variants", String.valueOf(i), "variantId"), given);
            }
        }
        List<ProductVariant> variants = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            VariantSpec spec = specs.get(i);
            VariantId id = spec.variantId() != null ? spec.variantId()
                    : axes.isEmpty() ? VariantId.DEFAULT : taken.nextFreeId();
            variants.add(validVariant(axes, spec, id, basePrice, taken, List.of("variants", String.valueOf(i))));
        }
        return List.copyOf(variants);
    }

    /** A variant added to an existing product: a new combination, with an id and SKU no other variant has. */
    static ProductVariant addedVariant(List<OptionAxis> axes, Collection<Variant> existing, VariantSpec spec,
                                       Money basePrice) {
        if (axes.isEmpty()) {
            throw new OneVariantWithoutOptions(List.of("variant"));
        }
        if (existing.size() >= MAX_VARIANTS) {
            throw new TooManyVariants(List.of("variant"));
        }
        Taken taken = new Taken();
        for (Variant variant : existing) {
            taken.ids.add(variant.variantId);
            taken.combinations.add(variant.optionValues);
            if (variant.sku != null) {
                taken.skus.add(variant.sku);
            }
        }
        VariantId id = spec.variantId();
        if (id != null && taken.ids.contains(id)) {
            throw new DuplicateVariantId(List.of("variant", "variantId"), id);
        }
        if (id == null) {
            id = taken.nextFreeId();
        }
        return validVariant(axes, spec, id, basePrice, taken, List.of("variant"));
    }

    static String validSku(String sku, Collection<String> otherSkus, List<String> field) {
        String stripped = sku == null ? "" : sku.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() > MAX_SKU_LENGTH) {
            throw new SkuTooLong(field);
        }
        if (otherSkus.contains(stripped)) {
            throw new DuplicateSku(field, stripped);
        }
        return stripped;
    }

    static void assertValidWeight(long weightGrams, List<String> field) {
        if (weightGrams < 0) {
            throw new NegativeWeight(field);
        }
    }

    /** Every amount of a product is in its base price's currency, and no variant may cost less than nothing. */
    static void assertPriceable(VariantId variantId, Money basePrice, Money priceDelta, List<String> field) {
        if (!priceDelta.currency().equals(basePrice.currency())) {
            throw new CurrencyMismatch(append(field, "currency"), basePrice.currency());
        }
        Money price = basePrice.plus(priceDelta);
        if (price.isNegative()) {
            throw new NegativeVariantPrice(field, variantId, price);
        }
    }

    private static ProductVariant validVariant(List<OptionAxis> axes, VariantSpec spec, VariantId id, Money basePrice,
                                               Taken taken, List<String> field) {
        List<String> values = spec.optionValues().stream().map(value -> value == null ? "" : value.strip()).toList();
        if (values.size() != axes.size()) {
            throw new OptionValuesMismatch(append(field, "optionValues"), axes.size());
        }
        for (int a = 0; a < axes.size(); a++) {
            if (!axes.get(a).values().contains(values.get(a))) {
                throw new UnknownOptionValue(append(field, "optionValues", String.valueOf(a)), axes.get(a).name(),
                        values.get(a));
            }
        }
        if (!taken.combinations.add(values)) {
            throw new DuplicateCombination(append(field, "optionValues"), values);
        }
        String sku = validSku(spec.sku(), taken.skus, append(field, "sku"));
        if (sku != null) {
            taken.skus.add(sku);
        }
        assertPriceable(id, basePrice, spec.priceDelta(), append(field, "priceDelta"));
        assertValidWeight(spec.weightGrams(), append(field, "weightGrams"));
        if (spec.initialStock() < 0 || spec.initialStock() > StockRules.MAX_QUANTITY) {
            throw new InvalidInitialStock(append(field, "initialStock"));
        }
        return new ProductVariant(id, sku, values, spec.priceDelta(), spec.weightGrams(), VariantStatus.ACTIVE);
    }

    private static List<String> append(List<String> field, String... more) {
        return Stream.concat(field.stream(), Stream.of(more)).toList();
    }

    /** Ids, SKUs and combinations already in use while variants are checked one after another. */
    private static final class Taken {
        final Set<VariantId> ids = new HashSet<>();
        final Set<String> skus = new HashSet<>();
        final Set<List<String>> combinations = new HashSet<>();

        VariantId nextFreeId() {
            for (int n = 1; ; n++) {
                VariantId candidate = VariantId.of("v" + n);
                if (ids.add(candidate)) {
                    return candidate;
                }
            }
        }
    }

    static final class TooManyOptionAxes extends DomainRuleViolation {
        TooManyOptionAxes() {
            super(ErrorCode.INVALID_INPUT, List.of("options"), "A product has at most " + MAX_AXES + " option axes");
        }
    }

    static final class InvalidOptionAxisName extends DomainRuleViolation {
        InvalidOptionAxisName(int axis) {
            super(ErrorCode.INVALID_INPUT, List.of("options", String.valueOf(axis), "name"),
                    "An option axis name has 1 to " + MAX_AXIS_NAME_LENGTH + " characters");
        }
    }

    static final class DuplicateOptionAxis extends DomainRuleViolation {
        DuplicateOptionAxis(int axis, String name) {
            super(ErrorCode.INVALID_INPUT, List.of("options", String.valueOf(axis), "name"),
                    "Option axis '" + name + "' appears twice");
        }
    }

    static final class InvalidOptionValueCount extends DomainRuleViolation {
        InvalidOptionValueCount(int axis) {
            super(ErrorCode.INVALID_INPUT, List.of("options", String.valueOf(axis), "values"),
                    "An option axis has 1 to " + MAX_AXIS_VALUES + " values");
        }
    }

    static final class BlankOptionValue extends DomainRuleViolation {
        BlankOptionValue(int axis, int value) {
            super(ErrorCode.INVALID_INPUT, List.of("options", String.valueOf(axis), "values", String.valueOf(value)),
                    "An option value cannot be blank");
        }
    }

    static final class DuplicateOptionValue extends DomainRuleViolation {
        DuplicateOptionValue(int axis, int value, String text) {
            super(ErrorCode.INVALID_INPUT, List.of("options", String.valueOf(axis), "values", String.valueOf(value)),
                    "Option value '" + text + "' appears twice");
        }
    }

    static final class OneVariantWithoutOptions extends DomainRuleViolation {
        OneVariantWithoutOptions(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field,
                    "A product without option axes has exactly one variant");
        }
    }

    static final class VariantRequired extends DomainRuleViolation {
        VariantRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("variants"), "A product with option axes needs at least one variant");
        }
    }

    static final class TooManyVariants extends DomainRuleViolation {
        TooManyVariants(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field,
                    "A product has at most " + MAX_VARIANTS + " variants");
        }
    }

    static final class DuplicateVariantId extends DomainRuleViolation {
        DuplicateVariantId(List<String> field, VariantId id) {
            super(ErrorCode.INVALID_INPUT, field, "Variant id '" + id + "' is already taken");
        }
    }

    static final class OptionValuesMismatch extends DomainRuleViolation {
        OptionValuesMismatch(List<String> field, int axes) {
            super(ErrorCode.INVALID_INPUT, field, "A variant of this product has " + axes + " option value(s), one per axis");
        }
    }

    static final class UnknownOptionValue extends DomainRuleViolation {
        UnknownOptionValue(List<String> field, String axis, String value) {
            super(ErrorCode.INVALID_INPUT, field, "'" + value + "' is not a value of option axis '" + axis + "'");
        }
    }

    static final class DuplicateCombination extends DomainRuleViolation {
        DuplicateCombination(List<String> field, List<String> values) {
            super(ErrorCode.INVALID_INPUT, field, "Another variant already is " + String.join(" / ", values));
        }
    }

    static final class SkuTooLong extends DomainRuleViolation {
        SkuTooLong(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field, "A SKU has at most " + MAX_SKU_LENGTH + " characters");
        }
    }

    static final class DuplicateSku extends DomainRuleViolation {
        DuplicateSku(List<String> field, String sku) {
            super(ErrorCode.INVALID_INPUT, field, "Another variant of this product has SKU '" + sku + "'");
        }
    }

    static final class NegativeWeight extends DomainRuleViolation {
        NegativeWeight(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field, "A weight cannot be negative");
        }
    }

    static final class InvalidInitialStock extends DomainRuleViolation {
        InvalidInitialStock(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field, "Initial stock is 0 to " + StockRules.MAX_QUANTITY);
        }
    }

    static final class CurrencyMismatch extends DomainRuleViolation {
        CurrencyMismatch(List<String> field, String currency) {
            super(ErrorCode.INVALID_INPUT, field, "Every amount of this product is in " + currency);
        }
    }

    static final class NegativeVariantPrice extends DomainRuleViolation {
        NegativeVariantPrice(List<String> field, VariantId variantId, Money price) {
            super(ErrorCode.INVALID_INPUT, field, "Variant " + variantId + " would cost " + price);
        }
    }
}
