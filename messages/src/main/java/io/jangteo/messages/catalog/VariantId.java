package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Ids;

/** Identifies a variant within its product (opaque; unique per product, not across the catalog). */
public record VariantId(String value) {
    /** The one variant of a product without option axes. */
    public static final VariantId DEFAULT = new VariantId("default");

    public VariantId {
        Ids.checked(value, "variant id");
    }

    public static VariantId of(String value) {
        return new VariantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
