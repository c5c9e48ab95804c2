package io.jangteo.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The provisioned Grafana dashboard parses, every panel queries something, and only metrics the application exposes. */
class GrafanaDashboardTest {

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final JsonNode dashboard = read(ExposedMetrics.opsDirectory().resolve("grafana/dashboards/jangteo.json"));

    @Test
    void dashboardHasATitleAndPanelsThatEachQueryPrometheus() {
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(10);
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("title").asText()).as("panel title").isNotBlank();
            assertThat(panel.path("targets")).as("targets of %s", panel.path("title")).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as("expr in %s", panel.path("title")).isNotBlank();
                assertThat(balanced(target.path("expr").asText())).as("brackets in %s", target.path("expr")).isTrue();
            }
        }
    }

    @Test
    void everyPanelQueriesOnlyMetricsTheApplicationExposes() {
        Set<String> exposed = ExposedMetrics.names();
        List<String> unknown = new ArrayList<>();
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Set<String> names = metricNames(target.path("expr").asText());
                assertThat(names).as("metrics in %s", target.path("expr")).isNotEmpty();
                queried.addAll(names);
                names.stream().filter(n -> !exposed.contains(n))
                        .forEach(n -> unknown.add(panel.path("title").asText() + ": " + n));
            }
        }
        System.out.println("Dashboard queries " + queried.size() + " metrics: " + queried);
        assertThat(unknown).as("metrics the dashboard queries but the application does not expose").isEmpty();
    }

    @Test
    void theDashboardShowsEachAreaTheIssueNames() {
        Set<String> queried = new TreeSet<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> queried.addAll(metricNames(t.path("expr").asText()))));
        assertThat(queried).contains("jangteo_commands_seconds_count", "jangteo_commands_seconds_bucket",
                "graphql_request_seconds_count", "graphql_request_seconds_bucket", "jangteo_graphql_errors_total",
                "jangteo_processor_lag_events", "jangteo_processor_lag_seconds", "jangteo_processor_dead_letters",
                "jangteo_payments_total", "jangteo_media_queue_depth", "jangteo_media_failures_total",
                "jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "http_server_requests_seconds_count");
    }

    @Test
    void extractsMetricNamesButNotFunctionsLabelsOrStrings() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, command) (rate(jangteo_commands_seconds_bucket"
                + "{outcome=\"success\"}[$__rate_interval])))")).containsExactly("jangteo_commands_seconds_bucket");
        assertThat(metricNames("sum(a_total) / on (job) group_left sum(b_total offset 5m)"))
                .containsExactly("a_total", "b_total");
    }

    /** Metric names in a PromQL expression: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricNames(String expr) {
        String stripped = expr
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")      // string literals
                .replaceAll("\\{[^}]*}", "")                        // label matchers
                .replaceAll("\\[[^]]*]", "")                        // range selectors
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\S+", "")
                .replaceAll("\\b\\d+(\\.\\d+)?[smhdwy]?\\b", "");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            String word = m.group();
            int next = m.end();
            while (next < stripped.length() && Character.isWhitespace(stripped.charAt(next))) {
                next++;
            }
            boolean function = next < stripped.length() && stripped.charAt(next) == '(';
            if (!function && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    private static boolean balanced(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (Exception e) {
            throw new AssertionError("The dashboard " + file + " is not valid JSON", e);
        }
    }
}
