package io.jangteo.messages.shared;

import java.util.List;
import java.util.Objects;

/**
 * Why a command was refused, in a form that survives the trip from the command side to the API across nodes
 * (it travels as the details of Axon's {@code CommandExecutionException}).
 *
 * @param field the input path the rule concerns, empty when it concerns the command as a whole
 */
public record RuleViolation(ErrorCode code, List<String> field, String message) {
    public RuleViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        field = field == null ? List.of() : List.copyOf(field);
    }

    /** Someone else changed the aggregate at the same time; the same answer wherever the conflict is detected. */
    public static RuleViolation conflict() {
        return new RuleViolation(ErrorCode.CONFLICT, List.of(), "Changed by someone else at the same time; retry");
    }
}
