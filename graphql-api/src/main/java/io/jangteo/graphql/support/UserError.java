package io.jangteo.graphql.support;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;

import java.util.ArrayList;
import java.util.List;

/** A business rule failure shown in a mutation payload: the caller can fix the input and try again. */
public record UserError(ErrorCode code, List<String> field, String message) {

    public UserError {
        field = List.copyOf(field);
    }

    public static UserError invalid(List<String> field, String message) {
        return new UserError(ErrorCode.INVALID_INPUT, field, message);
    }

    /** A violation raised by an aggregate, with its field path placed under the mutation's {@code input}. */
    public static UserError of(RuleViolation violation) {
        List<String> path = new ArrayList<>();
        if (!violation.field().isEmpty()) {
            path.add("input");
            path.addAll(violation.field());
        }
        return new UserError(violation.code(), path, violation.message());
    }
}
