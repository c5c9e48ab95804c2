package io.jangteo.messages.alerts;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A notifier refused or could not be reached for every attempt; {@code error} carries no secret. */
@Revision("1")
public record AlertDeliveryFailed(String incidentId, IncidentStatus status, String notifier, int attempts,
                                  String error, Instant failedAt) {
}
