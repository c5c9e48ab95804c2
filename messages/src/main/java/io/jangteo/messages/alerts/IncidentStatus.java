package io.jangteo.messages.alerts;

/** An incident is firing until its condition clears, then resolved for good; a new occurrence is a new incident. */
public enum IncidentStatus {
    FIRING,
    RESOLVED
}
