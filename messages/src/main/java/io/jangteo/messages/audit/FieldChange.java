package io.jangteo.messages.audit;

import java.util.Objects;

/**
 * One field of an aggregate's state that an event (or a span of events) changed: its path in the state
 * ({@code phone}, {@code addresses[1].postcode}, {@code sellers[0].status}) and its value before and after as JSON
 * ({@code null} when the field was absent). Derived from the events, never stored.
 *
 * @param erased the value is a member's personal data whose key was destroyed, so neither side can be shown
 */
public record FieldChange(String field, String before, String after, boolean erased) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
    }
}
