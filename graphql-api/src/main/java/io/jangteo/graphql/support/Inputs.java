package io.jangteo.graphql.support;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.util.List;
import java.util.function.Function;

/** Turns GraphQL input values into message values, refusing malformed ones with {@link InvalidInput}. */
public final class Inputs {

    private Inputs() {
    }

    /** An amount of money as GraphQL input. */
    public record MoneyInput(long amount, String currency) {
    }

    /** An id that cannot be one names nothing: NOT_FOUND, as for a well-formed id of nothing. */
    public static <T> T id(String raw, Function<String, T> factory, String what, String... field) {
        if (raw == null) {
            return null;
        }
        try {
            return factory.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(ErrorCode.NOT_FOUND, path(field), "No such " + what);
        }
    }

    public static Money money(MoneyInput input, String... field) {
        if (input == null) {
            return null;
        }
        try {
            return Money.of(input.amount(), input.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, path(field, "currency"), e.getMessage());
        }
    }

    public static List<String> path(String[] field, String... more) {
        List<String> path = new java.util.ArrayList<>(field.length + more.length + 1);
        path.add("input");
        path.addAll(List.of(field));
        path.addAll(List.of(more));
        return List.copyOf(path);
    }
}
