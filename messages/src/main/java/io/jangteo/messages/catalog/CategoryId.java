package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Ids;

/** Opaque identifier of a catalog category. */
public record CategoryId(String value) {
    public CategoryId {
        Ids.checked(value, "category id");
    }

    public static CategoryId of(String value) {
        return new CategoryId(value);
    }

    public static CategoryId random() {
        return new CategoryId(Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
