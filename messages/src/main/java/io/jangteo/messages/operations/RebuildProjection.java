package io.jangteo.messages.operations;

import java.util.Objects;

/**
 * Clears one read model and replays every event into it while the rest of the system keeps serving. Answered with
 * an {@link OperationOutcome}.
 */
public record RebuildProjection(String name) {
    public RebuildProjection {
        Objects.requireNonNull(name, "name");
    }
}
