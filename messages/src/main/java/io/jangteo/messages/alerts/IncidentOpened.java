package io.jangteo.messages.alerts;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An alert rule's condition started to hold on an instance. */
@Revision("1")
public record IncidentOpened(String incidentId, String rule, String ruleType, String subject, double value,
                             double threshold, String window, String instance, String link, boolean notified,
                             Instant openedAt) {
}
