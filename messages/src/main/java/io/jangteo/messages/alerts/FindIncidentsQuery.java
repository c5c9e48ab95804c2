package io.jangteo.messages.alerts;

/**
 * Incidents, newest first, optionally only those of one status; {@code offset} skips that many. Answers an
 * {@link IncidentPage}.
 */
public record FindIncidentsQuery(IncidentStatus status, int offset, int limit) {
}
