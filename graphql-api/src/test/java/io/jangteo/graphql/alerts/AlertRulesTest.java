package io.jangteo.graphql.alerts;

import io.jangteo.graphql.alerts.AlertProperties.Rule;
import io.jangteo.graphql.alerts.AlertProperties.RuleType;
import io.jangteo.graphql.alerts.IncidentTracker.Transition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration COOL_DOWN = Duration.ofMinutes(15);

    @Test
    void errorRateIsTheGrowthOfErrorsOverRequestsWithinTheWindow() {
        Rule rule = new Rule("errors", RuleType.ERROR_RATE, 0.5, Duration.ofSeconds(60), null, null, 5, null);
        SampleWindow window = new SampleWindow(rule.window());
        window.add(snapshot(0, Map.of(MetricReader.ERRORS, 100.0, MetricReader.REQUESTS, 1000.0)));
        window.add(snapshot(30, Map.of(MetricReader.ERRORS, 100.0, MetricReader.REQUESTS, 1010.0)));
        window.add(snapshot(60, Map.of(MetricReader.ERRORS, 108.0, MetricReader.REQUESTS, 1010.0)));

        RuleEvaluator.Measurement measured = RuleEvaluator.measure(rule, window).get("");

        // 8 errors (old ones before the window do not count) over max(8, 10) requests
        assertThat(measured.value()).isEqualTo(0.8);
        assertThat(measured.holds()).isTrue();
    }

    @Test
    void aRatioBelowTheMinimumCountDoesNotHold() {
        Rule rule = new Rule("payments", RuleType.PAYMENT_FAILURES, 0.3, Duration.ofSeconds(60), null, null, 10, null);
        SampleWindow window = new SampleWindow(rule.window());
        window.add(snapshot(0, Map.of()));
        window.add(snapshot(60, Map.of(MetricReader.PAYMENTS_FAILED, 3.0, MetricReader.PAYMENTS_ALL, 4.0)));

        RuleEvaluator.Measurement measured = RuleEvaluator.measure(rule, window).get("");

        assertThat(measured.value()).isEqualTo(0.75);
        assertThat(measured.holds()).isFalse();
    }

    @Test
    void aGaugeHoldsOnlyWhenEverySampleOfTheWholeWindowIsAboveTheThreshold() {
        Rule rule = new Rule("lag", RuleType.PROCESSOR_LAG, 10, Duration.ofSeconds(20), null,
                Map.of("processor", "orders"), null, null);
        SampleWindow window = new SampleWindow(rule.window());
        window.add(snapshot(0, Map.of(MetricReader.LAG + "orders", 30.0, MetricReader.LAG + "other", 99.0)));
        window.add(snapshot(10, Map.of(MetricReader.LAG + "orders", 40.0, MetricReader.LAG + "other", 99.0)));
        assertThat(RuleEvaluator.measure(rule, window).get("orders").holds())
                .as("the samples do not cover the window yet").isFalse();

        window.add(snapshot(20, Map.of(MetricReader.LAG + "orders", 50.0, MetricReader.LAG + "other", 99.0)));
        Map<String, RuleEvaluator.Measurement> measured = RuleEvaluator.measure(rule, window);
        assertThat(measured).containsOnlyKeys("orders");
        assertThat(measured.get("orders")).isEqualTo(new RuleEvaluator.Measurement(30.0, true));

        window.add(snapshot(30, Map.of(MetricReader.LAG + "orders", 2.0)));
        assertThat(RuleEvaluator.measure(rule, window).get("orders").holds()).isFalse();
    }

    @Test
    void p99ComesFromTheHistogramBucketsThatGrewWithinTheWindow() {
        Rule rule = new Rule("latency", RuleType.LATENCY_P99, 0.5, Duration.ofSeconds(60), null, null, null, null);
        SampleWindow window = new SampleWindow(rule.window());
        window.add(snapshot(0, Map.of(MetricReader.LATENCY_COUNT, 1000.0, MetricReader.LATENCY_BUCKET + "0.1", 1000.0,
                MetricReader.LATENCY_BUCKET + "1.0", 1000.0, MetricReader.LATENCY_BUCKET + "5.0", 1000.0)));
        window.add(snapshot(60, Map.of(MetricReader.LATENCY_COUNT, 1100.0, MetricReader.LATENCY_BUCKET + "0.1", 1090.0,
                MetricReader.LATENCY_BUCKET + "1.0", 1095.0, MetricReader.LATENCY_BUCKET + "5.0", 1100.0)));

        RuleEvaluator.Measurement measured = RuleEvaluator.measure(rule, window).get("");

        // 99 of the window's 100 requests fall at or under 5 s, only 95 under 1 s
        assertThat(measured).isEqualTo(new RuleEvaluator.Measurement(5.0, true));
    }

    @Test
    void anIncidentOpensOnceAndResolvesOnce() {
        IncidentTracker tracker = new IncidentTracker();

        Optional<Transition> opened = tracker.evaluate("r|", true, COOL_DOWN, T0);
        assertThat(opened).get().extracting(Transition::kind).isEqualTo(Transition.Kind.OPENED);
        assertThat(opened.get().send()).isTrue();
        assertThat(tracker.evaluate("r|", true, COOL_DOWN, T0.plusSeconds(1))).isEmpty();
        assertThat(tracker.evaluate("r|", true, COOL_DOWN, T0.plusSeconds(2))).isEmpty();

        Optional<Transition> resolved = tracker.evaluate("r|", false, COOL_DOWN, T0.plusSeconds(3));
        assertThat(resolved).get().isEqualTo(new Transition(Transition.Kind.RESOLVED, opened.get().incidentId(), true));
        assertThat(tracker.evaluate("r|", false, COOL_DOWN, T0.plusSeconds(4))).isEmpty();
    }

    @Test
    void aNewIncidentWithinTheCoolDownIsRecordedButNotSentNorItsResolution() {
        IncidentTracker tracker = new IncidentTracker();
        String first = tracker.evaluate("r|", true, COOL_DOWN, T0).orElseThrow().incidentId();
        tracker.evaluate("r|", false, COOL_DOWN, T0.plusSeconds(60));

        Transition again = tracker.evaluate("r|", true, COOL_DOWN, T0.plusSeconds(120)).orElseThrow();
        assertThat(again.incidentId()).isNotEqualTo(first);
        assertThat(again.send()).isFalse();
        assertThat(tracker.evaluate("r|", false, COOL_DOWN, T0.plusSeconds(180)).orElseThrow().send()).isFalse();

        // the cool-down counts from the last resolution that was sent
        Transition later = tracker.evaluate("r|", true, COOL_DOWN, T0.plusSeconds(60).plus(COOL_DOWN)).orElseThrow();
        assertThat(later.send()).isTrue();
    }

    @Test
    void subjectsAreIndependentIncidents() {
        IncidentTracker tracker = new IncidentTracker();
        assertThat(tracker.evaluate("lag|orders", true, COOL_DOWN, T0)).isPresent();
        assertThat(tracker.evaluate("lag|carts", true, COOL_DOWN, T0)).isPresent();
        assertThat(tracker.evaluate("lag|orders", false, COOL_DOWN, T0.plusSeconds(1))).isPresent();
        assertThat(tracker.evaluate("lag|carts", true, COOL_DOWN, T0.plusSeconds(1))).isEmpty();
    }

    private static Snapshot snapshot(int seconds, Map<String, Double> values) {
        return new Snapshot(T0.plusSeconds(seconds), values);
    }
}
