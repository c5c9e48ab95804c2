package io.jangteo.axon.metrics;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.List;

/**
 * Readiness while a read model is rebuilt: a replaying projection answers queries with partial data, so a node whose
 * projection replays takes no traffic until it has caught up.
 */
class ProjectionsHealthIndicator implements HealthIndicator {

    private final EventProcessorMetrics processors;

    ProjectionsHealthIndicator(EventProcessorMetrics processors) {
        this.processors = processors;
    }

    @Override
    public Health health() {
        List<String> replaying = processors.replaying();
        return (replaying.isEmpty() ? Health.up() : Health.down()).withDetail("replaying", replaying).build();
    }
}
