package io.jangteo.messages.alerts;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a firing incident's condition cleared; {@code value} is the measurement that cleared it. */
public record ResolveIncident(@TargetAggregateIdentifier String incidentId, double value, Instant resolvedAt) {
    public ResolveIncident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
