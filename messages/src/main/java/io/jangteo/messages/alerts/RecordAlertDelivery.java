package io.jangteo.messages.alerts;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record how a message about an incident fared at one notifier. {@code notifier} names the notifier by type and
 * position ("slack#0"), never by its URL or token, which are secrets.
 *
 * @param error null when delivered; otherwise the last failure, without secrets
 */
public record RecordAlertDelivery(@TargetAggregateIdentifier String incidentId, IncidentStatus status, String notifier,
                                  boolean delivered, int attempts, String error, Instant at) {
    public RecordAlertDelivery {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(at, "at");
    }
}
