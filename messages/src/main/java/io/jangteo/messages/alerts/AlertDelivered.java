package io.jangteo.messages.alerts;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A notifier accepted the message about an incident's opening or resolution. */
@Revision("1")
public record AlertDelivered(String incidentId, IncidentStatus status, String notifier, int attempts,
                             Instant deliveredAt) {
}
