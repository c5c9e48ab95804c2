package io.jangteo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Report.Machine MACHINE = new Report.Machine(2, "Test CPU", "24.0 GiB", "TestOS", "openjdk 17");

    private static ScenarioResult result(String name, int concurrency, long errors, long... micros) {
        Histogram h = new Histogram(3);
        for (long m : micros) {
            h.recordValue(m);
        }
        return new ScenarioResult(name, concurrency, micros.length, errors, micros.length, 2.0, h,
                errors > 0 ? "HTTP 500: boom\nline two" : null);
    }

    private static Report.Run run(String date, String commit, double healthy, ScenarioResult... results) {
        return new Report.Run(Instant.parse(date), commit, MACHINE, List.of("-Xmx512m"), Duration.ofSeconds(5),
                Duration.ofSeconds(20), healthy, 300.0, 512.0, 300, 42, 40, List.of(results));
    }

    @Test
    void rowShowsThroughputPercentilesInMillisecondsAndErrors() {
        long[] micros = new long[100];
        for (int i = 0; i < 100; i++) {
            micros[i] = (i + 1) * 1_000L; // 1 ms .. 100 ms
        }
        ScenarioResult r = result("createProduct", 16, 3, micros);

        assertThat(Report.row(r)).isEqualTo("| createProduct | 16 | 100 | 50.0 | 50.02 | 90.05 | 99.01 | 100.03 | 3 |");
    }

    @Test
    void emptyScenarioReportsZerosRatherThanFailing() {
        assertThat(Report.row(result("createProduct", 1, 0)))
                .isEqualTo("| createProduct | 1 | 0 | 0.0 | 0.00 | 0.00 | 0.00 | 0.00 | 0 |");
    }

    @Test
    void targetsNeedThroughputLatencyAndNoErrors() {
        long[] fast = new long[5000];
        java.util.Arrays.fill(fast, 2_000);
        Report.Run run = run("2025-01-01T00:00:00Z", "abc", 9.5,
                result(BenchMain.CATALOG, 32, 0, fast), result(BenchMain.CREATE, 16, 0, fast),
                result(BenchMain.LIST, 32, 1, fast), result(BenchMain.CHECKOUT, 8, 0, fast),
                result(BenchMain.TIMELINE_FIRST, 8, 0, fast), result(BenchMain.ORDER_AS_OF, 1, 0, fast));

        assertThat(Report.targets(run).lines().toList()).containsExactly(
                "| target | measured | result |",
                "|---|---|---|",
                "| ≥ 2,000 catalog pages/s at concurrency 32 with p99 ≤ 50 ms | 2500.0/s, p99 2.00 ms, 0 errors | met |",
                "| RSS ≤ 768 MiB under catalog load at concurrency 32 | 512.0 MiB | met |",
                "| ≥ 2,000 creates/s at concurrency 16 with p99 ≤ 50 ms | 2500.0/s, p99 2.00 ms, 0 errors | met |",
                "| ≥ 3,000 list queries/s at concurrency 32 with p99 ≤ 30 ms | 2500.0/s, p99 2.00 ms, 1 errors | not met |",
                "| ≥ 500 orders/s to PAID at concurrency 32 | not run | — |",
                "| placeOrder p99 ≤ 100 ms at concurrency 8 | 2500.0/s, p99 2.00 ms, 0 errors | met |",
                "| memberTimeline first page p99 ≤ 50 ms (10,000 events, concurrency 8) | 2500.0/s, p99 2.00 ms, 0 errors | met |",
                "| order(id, asOf) p99 ≤ 20 ms (concurrency 8) | not run | — |",
                "| rebuild ≥ 50,000 events/s (order-summary) | not run | — |",
                "| events subscription delivery p99 ≤ 50 ms | not run | — |",
                "| healthy within 8 s of start | 9.50 s | not met |",
                "| idle RSS ≤ 350 MiB | 300.0 MiB | met |");
    }

    @Test
    void rebuildTargetPrefersTheSeededStoreAndSaysHowManyEventsItHeld() {
        Histogram twentySeconds = new Histogram(3);
        twentySeconds.recordValue(20_000_000);
        SeedProcess.Summary store = new SeedProcess.Summary(1_000_000, java.util.Map.of("Order", 660_000L,
                "Product", 340_000L), 200, 80_000, 300, 120, 900L * 1024 * 1024, 9000L * 1024 * 1024);
        ScenarioResult small = new ScenarioResult(BenchMain.REBUILD_ORDERS, 1, 5_000, 0, 5_000, 0.05, twentySeconds, null);
        ScenarioResult seeded = new ScenarioResult(BenchMain.storeRebuildLabel("order-summary", store), 1, 1_000_000, 0,
                1_000_000, 20.0, twentySeconds, null);
        ScenarioResult sales = new ScenarioResult(BenchMain.storeRebuildLabel("sales-stats", store), 1, 1_000_000, 0,
                1_000_000, 10.0, twentySeconds, null);

        assertThat(seeded.name()).isEqualTo("rebuild order-summary, 1,000,000 events in store (order events 66%)");
        assertThat(Report.targets(run("2025-01-01T00:00:00Z", "abc", 5, small, sales, seeded)))
                .contains("| rebuild ≥ 50,000 events/s (order-summary) | 50000.0/s over 1,000,000 events in store, 0 errors | met |");
        assertThat(Report.targets(run("2025-01-01T00:00:00Z", "abc", 5, small)))
                .contains("| rebuild ≥ 50,000 events/s (order-summary) | 100000.0/s over 5,000 events in store, 0 errors | met |");
        Report.Run withStore = new Report.Run(Instant.parse("2025-01-01T00:00:00Z"), "abc", MACHINE, List.of(),
                Duration.ofSeconds(5), Duration.ofSeconds(20), 5, 300.0, 0, 0, 0, 0, List.of(seeded),
                BenchMain.storeNote(store));
        assertThat(Report.latest(withStore)).contains("- Event store of the rebuild rows: 1,000,000 events",
                "Cloned, not placed: 200 template orders", "copied 80,000 times");
    }

    @Test
    void firstRunHasAnEmptyHistory() {
        String file = Report.merge(Report.latest(run("2025-01-01T00:00:00Z", "aaa", 5, result("createProduct", 1, 1, 1000))), null);

        assertThat(file).contains("## Latest run", "### 2025-01-01T00:00:00Z, commit aaa", "-Xmx512m",
                "- createProduct, concurrency 1: `HTTP 500: boom line two`");
        assertThat(file).endsWith("## History\n\nNo earlier runs.\n");
    }

    @Test
    void eachRunMovesThePreviousSummaryToTheTopOfHistory() {
        String first = Report.merge(Report.latest(run("2025-01-01T00:00:00Z", "aaa", 5, result("createProduct", 1, 0, 1000))), null);
        String second = Report.merge(Report.latest(run("2025-01-02T00:00:00Z", "bbb", 6, result("createProduct", 1, 0, 2000))), first);
        String third = Report.merge(Report.latest(run("2025-01-03T00:00:00Z", "ccc", 7, result("createProduct", 1, 0, 3000))), second);

        String history = third.substring(third.indexOf("## History"));
        assertThat(history).doesNotContain("No earlier runs", "ccc", Report.SUMMARY_BEGIN, "### Targets");
        assertThat(history.indexOf("commit bbb")).isPositive().isLessThan(history.indexOf("commit aaa"));
        assertThat(history).contains("| createProduct | 1 | 1 | 0.5 | 2.00 | 2.00 | 2.00 | 2.00 | 0 |",
                "| createProduct | 1 | 1 | 0.5 | 1.00 | 1.00 | 1.00 | 1.00 | 0 |",
                "Time to healthy: 6.00 s. Idle RSS: 300.0 MiB.");
        assertThat(third.split("## History", -1)).hasSize(2);
        assertThat(third.split(Report.SUMMARY_BEGIN, -1)).hasSize(2);
    }

    @Test
    void handWrittenLatestRunIsCarriedIntoHistory() {
        String previous = "# Results\n\n## Latest run\n\n| scenario | x |\n| old | 1 |\n\n## History\n\nolder notes\n";

        String file = Report.merge("# Jangteo benchmark results\n\n## Latest run\n\nnew\n", previous);

        assertThat(file).isEqualTo("# Jangteo benchmark results\n\n## Latest run\n\nnew\n\n## History\n\n"
                + "| scenario | x |\n| old | 1 |\n\nolder notes\n");
    }
}
