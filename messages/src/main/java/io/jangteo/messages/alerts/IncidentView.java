package io.jangteo.messages.alerts;

import java.time.Instant;
import java.util.List;

/** An incident as an operator reads it: what fired, how much, when, when it cleared and where it was sent. */
public record IncidentView(String incidentId, String rule, String ruleType, String subject, IncidentStatus status,
                           double value, double threshold, String window, String instance, String link,
                           boolean notified, Instant openedAt, Instant resolvedAt, Double resolvedValue,
                           List<Delivery> deliveries) {
    public IncidentView {
        deliveries = List.copyOf(deliveries);
    }

    /** One notifier's outcome for one of the incident's messages. */
    public record Delivery(IncidentStatus status, String notifier, boolean delivered, int attempts, String error,
                           Instant at) {
    }
}
