package io.jangteo.messages.alerts;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that an alert rule's condition holds. {@code notified} is false when the rule's cool-down held the message
 * back: the incident is still recorded so an operator sees every occurrence.
 *
 * @param subject the tag value the rule watched (a processor, a health component), or empty for the whole instance
 * @param window  ISO-8601 duration the value was measured over
 */
public record OpenIncident(@TargetAggregateIdentifier String incidentId, String rule, String ruleType, String subject,
                           double value, double threshold, String window, String instance, String link,
                           boolean notified, Instant openedAt) {
    public OpenIncident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(openedAt, "openedAt");
        subject = subject == null ? "" : subject;
    }
}
