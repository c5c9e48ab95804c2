package io.jangteo.messages.alerts;

import java.util.List;

/** One page of incidents and how many match in all. */
public record IncidentPage(List<IncidentView> incidents, long totalCount) {
    public IncidentPage {
        incidents = List.copyOf(incidents);
    }
}
