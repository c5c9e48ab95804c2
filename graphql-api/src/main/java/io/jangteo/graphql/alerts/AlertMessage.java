package io.jangteo.graphql.alerts;

import io.jangteo.messages.alerts.IncidentStatus;

import java.time.Instant;

/** What every messenger is told about an incident's opening or resolution. */
record AlertMessage(String incidentId, String rule, String subject, IncidentStatus status, double value,
                    double threshold, String window, String instance, Instant startedAt, Instant resolvedAt,
                    String link) {

    /** The rule, and the processor or component it concerns when it watches several. */
    String title() {
        return subject == null || subject.isEmpty() ? rule : rule + " (" + subject + ")";
    }

    String text() {
        String head = status == IncidentStatus.FIRING ? "[FIRING] " : "[RESOLVED] ";
        return head + title() + " on " + instance + ": value " + number(value) + ", threshold " + number(threshold)
                + ", window " + window + ", started " + startedAt
                + (resolvedAt == null ? "" : ", resolved " + resolvedAt);
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
