package io.jangteo.graphql.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads the meters the rules use, by their fixed names, into a {@link Snapshot}. Meters that do not exist (yet) read
 * as zero, so a rule over a feature that never ran never fires.
 */
final class MetricReader {

    static final String ERRORS = "errors";
    static final String REQUESTS = "requests";
    static final String LATENCY_COUNT = "latency.count";
    static final String LATENCY_MAX = "latency.max";
    static final String LATENCY_BUCKET = "latency.bucket.";
    static final String PAYMENTS_FAILED = "payments.failed";
    static final String PAYMENTS_ALL = "payments.all";
    static final String MEDIA_FAILURES = "media.failures";
    static final String LAG = "lag|";
    static final String DEAD_LETTERS = "dead_letters|";
    static final String HEALTH_DOWN = "health_down|";

    /** Errors that are the application's fault; a rejected command or bad input is the caller's. */
    private static final Set<String> FAULT_CODES = Set.of("INTERNAL", "INTERNAL_ERROR", "TIMEOUT");
    private static final Set<String> PAYMENT_FAILURES = Set.of("declined", "unavailable");
    private static final Set<String> PAYMENT_ATTEMPTS = Set.of("approved", "declined", "unavailable");

    private final MeterRegistry registry;
    private final HealthContributorRegistry health;

    MetricReader(MeterRegistry registry, HealthContributorRegistry health) {
        this.registry = registry;
        this.health = health;
    }

    Snapshot read(Instant now) {
        Map<String, Double> values = new HashMap<>();
        double errors = 0;
        for (Counter counter : registry.find("jangteo.graphql.errors").counters()) {
            if (FAULT_CODES.contains(String.valueOf(counter.getId().getTag("code")))) {
                errors += counter.count();
            }
        }
        for (Timer timer : registry.find("jangteo.commands").tag("outcome", "failed").timers()) {
            errors += timer.count();
        }
        values.put(ERRORS, errors);
        double requests = 0;
        double latencyMax = 0;
        Map<Double, Double> buckets = new HashMap<>();
        for (Timer timer : registry.find("graphql.request").timers()) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            requests += snapshot.count();
            latencyMax = Math.max(latencyMax, snapshot.max(TimeUnit.SECONDS));
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                buckets.merge(bucket.bucket(TimeUnit.SECONDS), bucket.count(), Double::sum);
            }
        }
        values.put(REQUESTS, requests);
        values.put(LATENCY_COUNT, requests);
        values.put(LATENCY_MAX, latencyMax);
        buckets.forEach((le, count) -> values.put(LATENCY_BUCKET + le, count));
        double paymentsFailed = 0;
        double payments = 0;
        for (Counter counter : registry.find("jangteo.payments").counters()) {
            String outcome = counter.getId().getTag("outcome");
            if (PAYMENT_FAILURES.contains(outcome)) {
                paymentsFailed += counter.count();
            }
            if (PAYMENT_ATTEMPTS.contains(outcome)) {
                payments += counter.count();
            }
        }
        values.put(PAYMENTS_FAILED, paymentsFailed);
        values.put(PAYMENTS_ALL, payments);
        values.put(MEDIA_FAILURES, registry.find("jangteo.media.failures").counters().stream()
                .mapToDouble(Counter::count).sum());
        gauges("jangteo.processor.lag.seconds", LAG, values);
        gauges("jangteo.processor.dead_letters", DEAD_LETTERS, values);
        if (health != null) {
            for (NamedContributor<HealthContributor> contributor : health) {
                values.put(HEALTH_DOWN + contributor.getName(), isDown(contributor.getContributor()) ? 1.0 : 0.0);
            }
        }
        return new Snapshot(now, values);
    }

    private void gauges(String name, String prefix, Map<String, Double> values) {
        for (Meter meter : registry.find(name).meters()) {
            if (meter instanceof Gauge gauge) {
                String processor = gauge.getId().getTag("processor");
                double value = gauge.value();
                if (!Double.isNaN(value)) {
                    values.merge(prefix + (processor == null ? "" : processor), value, Math::max);
                }
            }
        }
    }

    private static boolean isDown(HealthContributor contributor) {
        try {
            if (contributor instanceof HealthIndicator indicator) {
                Status status = indicator.health().getStatus();
                return Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status);
            }
            if (contributor instanceof CompositeHealthContributor composite) {
                for (NamedContributor<HealthContributor> child : composite) {
                    if (isDown(child.getContributor())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (RuntimeException e) {
            return true; // a health check that throws is as down as one that says so
        }
    }
}
