package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Ids;

/** Opaque identifier of an uploaded image or video. */
public record MediaId(String value) {
    public MediaId {
        Ids.checked(value, "media id");
    }

    public static MediaId of(String value) {
        return new MediaId(value);
    }

    public static MediaId random() {
        return new MediaId(Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
