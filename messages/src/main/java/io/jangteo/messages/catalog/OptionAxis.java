package io.jangteo.messages.catalog;

import java.util.List;
import java.util.Objects;

/** One option axis (옵션) of a product, e.g. 색상 with values 블랙, 화이트. */
public record OptionAxis(String name, List<String> values) {
    public OptionAxis {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }
}
