package io.jangteo.messages.alerts;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A firing incident's condition cleared. */
@Revision("1")
public record IncidentResolved(String incidentId, String rule, double value, Instant resolvedAt) {
}
