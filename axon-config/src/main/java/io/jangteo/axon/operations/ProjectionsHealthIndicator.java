package io.jangteo.axon.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Readiness while a read model is rebuilt: a replaying projection answers queries with partial data, so a node whose
 * projection replays takes no traffic until the replay has reached where it started. Reads only the processors' own
 * status (no store access), as probes ask often. Named {@code projections} in the health groups.
 */
@Component("projectionsHealthIndicator")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionStatus status;

    ProjectionsHealthIndicator(ProjectionStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        List<String> replaying = status.processors().entrySet().stream()
                .filter(e -> e.getValue().processingStatus().values().stream()
                        .anyMatch(ProjectionStatus::replaying))
                .map(Map.Entry::getKey).toList();
        return (replaying.isEmpty() ? Health.up() : Health.down()).withDetail("replaying", replaying).build();
    }
}
