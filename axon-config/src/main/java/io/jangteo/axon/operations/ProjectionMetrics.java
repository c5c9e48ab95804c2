package io.jangteo.axon.operations;

import io.jangteo.messages.operations.ProjectionView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The processor status operators read in the API, as gauges per tracking processor (tag {@code processor}):
 * {@code jangteo.processor.lag.events}, {@code jangteo.processor.lag.seconds}, {@code jangteo.processor.dead_letters}
 * and {@code jangteo.processor.replaying} (1 until a replay has reached the position it was started at).
 * <p>
 * A scrape reads every gauge, and one status costs a head lookup, a read of one event per lagging processor and a
 * count per dead-letter queue: one snapshot of all processors serves the scrapes of the next {@value #CACHE_MILLIS}
 * ms. While a store is unreachable the last snapshot stays (readiness reports the store).
 * Gauges are bound once the application is ready, when Axon has built every processor.
 */
@Component
class ProjectionMetrics implements ApplicationListener<ApplicationReadyEvent> {

    static final String LAG_EVENTS = "jangteo.processor.lag.events";
    static final String LAG_SECONDS = "jangteo.processor.lag.seconds";
    static final String DEAD_LETTERS = "jangteo.processor.dead_letters";
    static final String REPLAYING = "jangteo.processor.replaying";
    private static final long CACHE_MILLIS = 2_000;

    private final ProjectionStatus status;
    private final MeterRegistry registry;
    private volatile Instant takenAt = Instant.EPOCH;
    private volatile Map<String, ProjectionView> views = Map.of();

    ProjectionMetrics(ProjectionStatus status, MeterRegistry registry) {
        this.status = status;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        for (String name : status.processors().keySet()) {
            gauge(LAG_EVENTS, name, "Events the processor has yet to handle", ProjectionView::lagEvents);
            gauge(LAG_SECONDS, name, "Age of the oldest event the processor has yet to handle",
                    ProjectionView::lagSeconds);
            gauge(DEAD_LETTERS, name, "Events parked in the processor's dead-letter queue",
                    ProjectionView::deadLetters);
            gauge(REPLAYING, name, "1 while the processor replays after a reset", v -> v.replaying() ? 1 : 0);
        }
    }

    private void gauge(String meter, String processor, String description, ToDoubleFunction<ProjectionView> value) {
        Gauge.builder(meter, () -> {
                    ProjectionView view = views().get(processor);
                    return view == null ? Double.NaN : value.applyAsDouble(view);
                })
                .description(description).tag("processor", processor).register(registry);
    }

    private Map<String, ProjectionView> views() {
        if (Duration.between(takenAt, Instant.now()).toMillis() < CACHE_MILLIS) {
            return views;
        }
        synchronized (this) {
            if (Duration.between(takenAt, Instant.now()).toMillis() < CACHE_MILLIS) {
                return views;
            }
            try {
                Map<String, ProjectionView> fresh = new TreeMap<>();
                status.all().forEach(v -> fresh.put(v.name(), v));
                views = fresh;
            } catch (RuntimeException e) {
                // a store is unreachable: keep the last values rather than fail the whole scrape
            }
            takenAt = Instant.now();
            return views;
        }
    }
}
