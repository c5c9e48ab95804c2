package io.jangteo.graphql;

import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import io.jangteo.messages.catalog.ProductCreated;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.jangteo.graphql.OrderTestKit.brandPay;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a short scripted workload over GraphQL, the Prometheus endpoint exposes every metric operators, the dashboard
 * and the alert rules read, with the tags they group by; and readiness goes down while a read model replays.
 * A replay probe (a processing group that holds its replay until released) makes the replay last as long as the test
 * needs, instead of racing a replay of a few hundred events.
 */
@Import(PrometheusMetricsIT.ReplayProbeConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PrometheusMetricsIT extends GraphQlTestSupport {

    static final String PROBE = "it-replay-probe";
    private static final Path OWN_DATA_DIR = ownDataDir();

    /** An application of its own (it imports the probe), so a data directory of its own. */
    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("jangteo.data-dir", OWN_DATA_DIR::toString);
    }

    private static Path ownDataDir() {
        try {
            return Files.createTempDirectory("jangteo-metrics-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    @Autowired
    private ReplayProbe probe;

    @Test
    void prometheusExposesEveryMetricAfterAShortWorkload() throws Exception {
        long started = System.nanoTime();
        String sellerId = uniqueSeller();
        String productId = (String) createProduct(seller(sellerId), "지표 머그 " + tag, 9_000).get("id");
        // another shop's seller: refused by the product, a FORBIDDEN error over GraphQL
        seller("other-" + tag).documentName("renameProduct")
                .variable("input", Map.of("productId", productId, "name", "Stolen"))
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        anonymous().document("{ noSuchField }").execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        OrderTestKit kit = new OrderTestKit(port);
        Shop shop = kit.shop("지표상회 " + tag, new Policy(3_000, null, 3_000, 3_000, 3_000));
        Listing mug = kit.product(shop, "지표 컵 " + tag, 12_000, List.of("색상"), new VariantSpec(List.of("흰색"), 0, 5));
        Buyer buyer = kit.buyer("metrics");
        Map<String, Object> order = kit.change(buyer.api(), "placeOrder", orderInput("metrics-" + tag,
                List.of(line(mug, mug.variant("흰색"), 1)), seoulAddress(), null, 0, brandPay(kit.storePaymentMethod(buyer))));
        assertThat(order.get("status")).isEqualTo("PAID");
        System.gc(); // the GC timer appears with the first collection it is told of
        System.out.printf("metrics workload took %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        long scrapeStarted = System.nanoTime();
        String scrape = await().atMost(Duration.ofSeconds(10)).until(this::prometheus,
                body -> body.contains("jvm_gc_pause_seconds_count"));
        System.out.printf("scrape: %d ms, %d bytes, %d series%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - scrapeStarted), scrape.length(),
                scrape.lines().filter(l -> !l.startsWith("#")).count());
        scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .collect(java.util.stream.Collectors.groupingBy(l -> l.split("[{ ]", 2)[0],
                        java.util.stream.Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %6d series %s%n", e.getValue(), e.getKey()));

        assertThat(seriesNames(scrape)).as("every listed metric is exposed").containsAll(ExposedMetrics.names());
        assertThat(value(scrape, "jangteo_commands_seconds_count", "command=\"CreateProduct\"", "outcome=\"success\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "jangteo_commands_seconds_count", "command=\"RenameProduct\"", "outcome=\"rejected\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "jangteo_commands_seconds_bucket", "command=\"CreateProduct\"", "le=\"+Inf\""))
                .as("a percentiles histogram").isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "jangteo_events_appended_total", "aggregate_type=\"Product\"",
                "event_type=\"ProductCreated\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "jangteo_graphql_errors_total", "code=\"FORBIDDEN\"", "operation_type=\"mutation\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "jangteo_graphql_errors_total", "code=\"GRAPHQL_VALIDATION_FAILED\"",
                "operation_type=\"query\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "graphql_request_seconds_bucket", "le=\"+Inf\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "jangteo_payments_total", "method=\"BRAND_PAY\"", "outcome=\"approved\""))
                .isGreaterThanOrEqualTo(1);
        for (String processor : List.of("product-catalog-v2", "order-summary", PROBE)) {
            for (String gauge : List.of("jangteo_processor_lag_events", "jangteo_processor_lag_seconds",
                    "jangteo_processor_dead_letters", "jangteo_processor_replaying")) {
                assertThat(value(scrape, gauge, "processor=\"" + processor + "\"")).as(gauge + " of " + processor)
                        .isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(value(scrape, "jangteo_media_queue_depth")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "jangteo_media_failures_total", "kind=\"parked\"")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void readinessIsDownWhileAReadModelReplaysAndUpAfter() throws Exception {
        createProduct(seller(uniqueSeller()), "재생 " + tag, 1_000); // something for the probe to replay
        TrackingEventProcessor processor = eventProcessing.eventProcessor(PROBE, TrackingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/health/readiness").statusCode() == 200);

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.holding);
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            // details are not shown to anonymous callers; which processor replays is on the replaying gauge
            assertThat(readiness.body()).contains("\"projections\":{\"status\":\"DOWN\"");
            assertThat(get("/actuator/health/liveness").statusCode()).as("a replay is no reason to restart")
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    value(prometheus(), "jangteo_processor_replaying", "processor=\"" + PROBE + "\"")).isEqualTo(1));
        } finally {
            probe.release.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"projections\":{\"status\":\"UP\"");
        });
    }

    private String prometheus() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> seriesNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    /** The sum of the series of {@code name} whose labels include all of {@code labels}; -1 when there is none. */
    private static double value(String scrape, String name, String... labels) {
        Pattern series = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = series.matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            String labelSet = m.group(1) == null ? "" : m.group(1);
            if (List.of(labels).stream().allMatch(labelSet::contains)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        return found ? sum : -1;
    }

    @TestConfiguration
    static class ReplayProbeConfiguration {
        @Bean
        ReplayProbe replayProbe() {
            return new ReplayProbe();
        }
    }

    /** A read model in all but name, whose replay waits for the test to release it. */
    @ProcessingGroup(PROBE)
    static class ReplayProbe {
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holding;

        @EventHandler
        void on(ProductCreated event, ReplayStatus status) throws InterruptedException {
            if (status.isReplay() && release.getCount() > 0) {
                holding = true;
                release.await(60, TimeUnit.SECONDS);
            }
        }
    }
}
