package io.jangteo.graphql.alerts;

import io.jangteo.graphql.alerts.AlertProperties.Rule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Measures one rule over the sample window: for each subject (the whole instance, or each processor or health
 * component) the value and whether it is above the threshold.
 */
final class RuleEvaluator {

    /** The measured value of a subject and whether the rule's condition holds for it. */
    record Measurement(double value, boolean holds) {
    }

    static final String WHOLE = "";

    private RuleEvaluator() {
    }

    static Map<String, Measurement> measure(Rule rule, SampleWindow window) {
        Map<String, Measurement> result = new LinkedHashMap<>();
        switch (rule.type()) {
            case ERROR_RATE -> {
                double errors = window.delta(MetricReader.ERRORS, rule.window());
                // failed commands need not be requests of their own, so errors never exceed the requests counted
                double requests = Math.max(errors, window.delta(MetricReader.REQUESTS, rule.window()));
                result.put(WHOLE, ratio(rule, errors, requests));
            }
            case PAYMENT_FAILURES -> result.put(WHOLE, ratio(rule,
                    window.delta(MetricReader.PAYMENTS_FAILED, rule.window()),
                    window.delta(MetricReader.PAYMENTS_ALL, rule.window())));
            case MEDIA_FAILURES -> {
                double failures = window.delta(MetricReader.MEDIA_FAILURES, rule.window());
                result.put(WHOLE, new Measurement(failures, failures > rule.threshold()));
            }
            case LATENCY_P99 -> {
                double p99 = p99(window, rule);
                result.put(WHOLE, new Measurement(p99, p99 > rule.threshold()));
            }
            case PROCESSOR_LAG -> sustained(rule, window, MetricReader.LAG, "processor", result);
            case DEAD_LETTERS -> sustained(rule, window, MetricReader.DEAD_LETTERS, "processor", result);
            case HEALTH_DOWN -> sustained(rule, window, MetricReader.HEALTH_DOWN, "component", result);
        }
        return result;
    }

    private static Measurement ratio(Rule rule, double failures, double total) {
        if (total <= 0) {
            return new Measurement(0, false);
        }
        double ratio = failures / total;
        return new Measurement(ratio, total >= rule.minCount() && ratio > rule.threshold());
    }

    /** From the histogram's bucket growth over the window when the timer publishes one, else the window's max. */
    private static double p99(SampleWindow window, Rule rule) {
        var buckets = window.keys(key -> key.startsWith(MetricReader.LATENCY_BUCKET));
        double total = window.delta(MetricReader.LATENCY_COUNT, rule.window());
        if (buckets.isEmpty()) {
            return total > 0 ? window.max(MetricReader.LATENCY_MAX, rule.window()) : 0;
        }
        if (total <= 0) {
            return 0;
        }
        double wanted = Math.ceil(total * 0.99);
        double upper = 0;
        for (String key : buckets.stream()
                .sorted((a, b) -> Double.compare(bound(a), bound(b))).toList()) {
            upper = bound(key);
            if (window.delta(key, rule.window()) >= wanted) {
                return upper;
            }
        }
        // beyond the last finite bucket: the max is the best bound we have
        return Math.max(upper, window.max(MetricReader.LATENCY_MAX, rule.window()));
    }

    private static double bound(String key) {
        return Double.parseDouble(key.substring(MetricReader.LATENCY_BUCKET.length()));
    }

    private static void sustained(Rule rule, SampleWindow window, String prefix, String tag,
                                  Map<String, Measurement> result) {
        String only = rule.tags().get(tag);
        for (String key : window.keys(key -> key.startsWith(prefix))) {
            String subject = key.substring(prefix.length());
            if (only != null && !only.equals(subject)) {
                continue;
            }
            OptionalDouble held = window.sustained(key, rule.window());
            double latest = window.latest(key);
            result.put(subject, new Measurement(held.orElse(latest), held.isPresent()
                    && held.getAsDouble() > rule.threshold()));
        }
    }
}
