package io.jangteo.graphql.alerts;

import org.springframework.test.annotation.DirtiesContext;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jangteo.graphql.GraphQlTestSupport;
import io.jangteo.graphql.ProjectionFaults;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert engine in the running application, its messages received by local stand-ins for Slack, Telegram, Discord
 * and a generic webhook (plus one that fails twice before accepting). Each test drives its own rule through a real
 * condition read by the application's own meters: a handler failing for one aggregate (dead letters), a stopped
 * processor (lag), a command handler that breaks (error rate) or stalls (latency). The messages of one test are told
 * from the others' by the rule named in them. Payment failures and a health component are still fed by hand: payments
 * need a payment provider stand-in this class does not have, and a health component that flips on demand is a stand-in
 * for any.
 */
@Import(AlertNotificationIT.TestParts.class)
@ActiveProfiles(ProjectionFaults.PROFILE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "jangteo.alerts.evaluation-interval=200ms",
        "jangteo.alerts.instance=it-node-1",
        "jangteo.alerts.console-url=http://console.it.test",
        "jangteo.alerts.delivery.max-attempts=4",
        // the flaky messenger's retries (after 1 s, then 2 s) outlast the rename that stalls the processor
        "jangteo.alerts.delivery.initial-backoff=1s",
        "jangteo.alerts.delivery.timeout=5s",
        // renames whose projection is stopped or failing would otherwise wait the full five seconds for their view
        "jangteo.api.graphql.consistency-timeout=PT1S",
        "jangteo.alerts.rules[0].name=it-errors",
        "jangteo.alerts.rules[0].type=error-rate",
        "jangteo.alerts.rules[0].threshold=0.5",
        "jangteo.alerts.rules[0].window=2s",
        "jangteo.alerts.rules[0].cool-down=10m",
        "jangteo.alerts.rules[1].name=it-lag",
        "jangteo.alerts.rules[1].type=processor-lag",
        "jangteo.alerts.rules[1].threshold=1",
        "jangteo.alerts.rules[1].window=600ms",
        "jangteo.alerts.rules[1].tags.processor=" + AlertNotificationIT.CATALOG,
        "jangteo.alerts.rules[1].link=http://grafana.it.test/d/processors",
        "jangteo.alerts.rules[2].name=it-health",
        "jangteo.alerts.rules[2].type=health-down",
        "jangteo.alerts.rules[2].threshold=0",
        "jangteo.alerts.rules[2].window=400ms",
        "jangteo.alerts.rules[2].tags.component=itFlaky",
        "jangteo.alerts.rules[3].name=it-latency",
        "jangteo.alerts.rules[3].type=latency-p99",
        "jangteo.alerts.rules[3].threshold=2.0",
        "jangteo.alerts.rules[3].window=2s",
        "jangteo.alerts.rules[4].name=it-payments",
        "jangteo.alerts.rules[4].type=payment-failures",
        "jangteo.alerts.rules[4].threshold=0.3",
        "jangteo.alerts.rules[4].window=2s",
        "jangteo.alerts.rules[4].min-count=10",
        "jangteo.alerts.rules[5].name=it-dead-letters",
        "jangteo.alerts.rules[5].type=dead-letters",
        "jangteo.alerts.rules[5].threshold=0",
        "jangteo.alerts.rules[5].window=600ms",
        "jangteo.alerts.rules[5].tags.processor=" + AlertNotificationIT.CATALOG,
})
class AlertNotificationIT extends GraphQlTestSupport {

    private static final String BOT_TOKEN = "123456:it-bot-secret";
    static final String CATALOG = "product-catalog-v2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpServer RECEIVER = receiver();
    private static final Map<String, ConcurrentLinkedQueue<JsonNode>> RECEIVED = Map.of(
            "/slack", new ConcurrentLinkedQueue<>(), "/telegram/bot" + BOT_TOKEN + "/sendMessage",
            new ConcurrentLinkedQueue<>(), "/discord", new ConcurrentLinkedQueue<>(), "/webhook",
            new ConcurrentLinkedQueue<>(), "/flaky", new ConcurrentLinkedQueue<>());
    /** The flaky receiver refuses its first two requests about the lag rule (other tests' messages pass). */
    private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
    private static final AtomicBoolean HEALTHY = new AtomicBoolean(true);
    private static final Path OWN_DATA_DIR = ownDataDir();

    private static Path ownDataDir() {
        try {
            return Files.createTempDirectory("jangteo-alerts-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProjectionFaults projectionFaults;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @DynamicPropertySource
    static void notifiers(DynamicPropertyRegistry registry) {
        // an application of its own (its rules and messengers), so a data directory of its own
        registry.add("jangteo.data-dir", OWN_DATA_DIR::toString);
        String base = "http://127.0.0.1:" + RECEIVER.getAddress().getPort();
        registry.add("jangteo.alerts.notifiers[0].type", () -> "slack");
        registry.add("jangteo.alerts.notifiers[0].url", () -> base + "/slack");
        registry.add("jangteo.alerts.notifiers[1].type", () -> "telegram");
        registry.add("jangteo.alerts.notifiers[1].api-base-url", () -> base + "/telegram");
        registry.add("jangteo.alerts.notifiers[1].bot-token", () -> BOT_TOKEN);
        registry.add("jangteo.alerts.notifiers[1].chat-id", () -> "-4242");
        registry.add("jangteo.alerts.notifiers[2].type", () -> "discord");
        registry.add("jangteo.alerts.notifiers[2].url", () -> base + "/discord");
        registry.add("jangteo.alerts.notifiers[3].type", () -> "webhook");
        registry.add("jangteo.alerts.notifiers[3].url", () -> base + "/webhook");
        registry.add("jangteo.alerts.notifiers[4].type", () -> "webhook");
        registry.add("jangteo.alerts.notifiers[4].url", () -> base + "/flaky");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void anErrorRateIncidentSendsOneAlertAndOneResolutionToEveryMessengerAndIsRecorded() {
        HttpGraphQlTester seller = seller("al-err-" + tag);
        String product = create(seller, "Breaks");
        double failedBefore = failedCommands();
        breakRenames(seller, product, 5);
        assertThat(failedCommands() - failedBefore).as("jangteo.commands{outcome=failed}").isGreaterThanOrEqualTo(5);
        assertThat(meters.find("jangteo.graphql.errors").tag("code", "INTERNAL").counters())
                .as("jangteo.graphql.errors{code=INTERNAL}").isNotEmpty();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(about("it-errors", "/webhook"))
                .extracting(message -> message.get("status").asText()).containsExactly("FIRING"));
        // more failures while it fires are the same incident: no second message
        breakRenames(seller, product, 5);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String path : RECEIVED.keySet()) {
                assertThat(about("it-errors", path)).as(path).hasSize(2);
            }
        });

        JsonNode firing = about("it-errors", "/webhook").get(0);
        JsonNode resolved = about("it-errors", "/webhook").get(1);
        assertThat(firing.get("status").asText()).isEqualTo("FIRING");
        assertThat(firing.get("value").asDouble()).isGreaterThan(0.5);
        assertThat(firing.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(firing.get("window").asText()).isEqualTo("PT2S");
        assertThat(firing.get("instance").asText()).isEqualTo("it-node-1");
        assertThat(firing.get("link").asText()).startsWith("http://console.it.test/graphiql?query=");
        assertThat(firing.get("resolvedAt").isNull()).isTrue();
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("startedAt").asText()).isEqualTo(firing.get("startedAt").asText());
        assertThat(resolved.get("resolvedAt").asText()).isGreaterThan(firing.get("startedAt").asText());

        assertThat(texts("it-errors", "/slack", "text")).satisfiesExactly(
                text -> assertThat(text).startsWith("[FIRING] it-errors on it-node-1: value ")
                        .contains("threshold 0.5000", "<http://console.it.test/graphiql?query="),
                text -> assertThat(text).startsWith("[RESOLVED] it-errors on it-node-1"));
        assertThat(texts("it-errors", "/discord", "content")).hasSize(2)
                .allSatisfy(text -> assertThat(text).contains("http://console.it.test/graphiql?query="));
        List<JsonNode> telegram = about("it-errors", "/telegram/bot" + BOT_TOKEN + "/sendMessage");
        assertThat(telegram).allSatisfy(message -> {
            assertThat(message.get("chat_id").asText()).isEqualTo("-4242");
            assertThat(message.get("disable_web_page_preview").asBoolean()).isTrue();
        });
        assertThat(telegram.get(0).get("text").asText()).startsWith("[FIRING] it-errors on it-node-1");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode incident = incident("it-errors");
            assertThat(incident.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(incident.get("instance").asText()).isEqualTo("it-node-1");
            assertThat(incident.get("notified").asBoolean()).isTrue();
            // five notifiers, each told of the opening and the resolution
            assertThat(incident.get("deliveries")).hasSize(10)
                    .allSatisfy(delivery -> assertThat(delivery.get("delivered").asBoolean()).isTrue());
        });
        assertThat(incident("it-errors").toString()).doesNotContain("it-bot-secret", "127.0.0.1");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aStalledProcessorFiresTheLagRuleAndAMessengerAnswering500IsRetriedWhileTheApiStaysResponsive(
            CapturedOutput output) {
        HttpGraphQlTester seller = seller("al-lag-" + tag);
        String product = create(seller, "Lags");
        EventProcessor catalog = eventProcessing.eventProcessor(CATALOG).orElseThrow();
        catalog.shutDown();
        try {
            // an event appended while the processor stands still: its oldest unhandled event ages
            rename(seller, product, "Lags 1");
            await().atMost(Duration.ofSeconds(20)).until(() -> FLAKY_CALLS.get() >= 1);
            assertLagAlertRetriedWhileTheApiAnswers(output);
        } finally {
            catalog.start();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(about("it-lag", "/webhook")).extracting(message -> message.get("status").asText())
                    .containsExactly("FIRING", "RESOLVED");
            JsonNode incident = incident("it-lag");
            assertThat(incident.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(incident.get("deliveries")).anySatisfy(delivery -> {
                assertThat(delivery.get("notifier").asText()).isEqualTo("webhook#4");
                assertThat(delivery.get("status").asText()).isEqualTo("FIRING");
                assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            });
        });
        for (String path : RECEIVED.keySet()) {
            assertThat(about("it-lag", path)).as(path).hasSize(2);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(name(seller, product)).as("the restarted processor caught up").isEqualTo("Lags 1"));
    }

    private void assertLagAlertRetriedWhileTheApiAnswers(CapturedOutput output) {
        long slowest = 0;
        int answered = 0;
        // while the flaky messenger is being retried, requests are answered as ever
        while (about("it-lag", "/flaky").isEmpty() && answered < 200) {
            long start = System.nanoTime();
            anonymous().document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
            slowest = Math.max(slowest, System.nanoTime() - start);
            answered++;
        }
        System.out.printf("alerts: %d GraphQL requests answered during the retries, slowest %.1f ms%n", answered,
                slowest / 1e6);
        assertThat(answered).isPositive();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(about("it-lag", "/flaky")).hasSize(1));
        assertThat(FLAKY_CALLS.get()).isGreaterThanOrEqualTo(3);
        assertThat(output.getAll()).contains("Alert to webhook#4 failed (HTTP 500), try 1 of 4")
                .doesNotContain(BOT_TOKEN, "/flaky", "/slack");
        JsonNode firing = about("it-lag", "/flaky").get(0);
        assertThat(firing.get("status").asText()).isEqualTo("FIRING");
        assertThat(firing.get("subject").asText()).isEqualTo(CATALOG);
        assertThat(firing.get("value").asDouble()).as("seconds behind").isGreaterThan(1.0);
        assertThat(firing.get("link").asText()).isEqualTo("http://grafana.it.test/d/processors");
        System.out.printf("alerts: %s was %.0f s behind when the lag alert fired%n", CATALOG,
                firing.get("value").asDouble());
    }

    @Test
    void deadLettersFromAFailingHandlerFireAndARetryResolves() {
        HttpGraphQlTester seller = seller("al-dl-" + tag);
        String poisoned = create(seller, "Poisoned");
        projectionFaults.failFor(CATALOG, poisoned);
        try {
            rename(seller, poisoned, "Poisoned 1");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(about("it-dead-letters", "/webhook"))
                    .extracting(message -> message.get("status").asText()).containsExactly("FIRING"));
        } finally {
            projectionFaults.heal();
        }
        JsonNode firing = about("it-dead-letters", "/webhook").get(0);
        assertThat(firing.get("subject").asText()).isEqualTo(CATALOG);
        assertThat(firing.get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(name(seller, poisoned)).as("the event is parked, not projected").isEqualTo("Poisoned");

        Map<String, Object> retried = as("ADMIN", null).documentName("operations").operationName("retryDeadLetters")
                .variable("input", Map.of("processor", CATALOG)).execute()
                .path("retryDeadLetters").entity(Map.class).get();
        assertThat(retried).containsEntry("remaining", 0).containsEntry("errors", List.of());
        assertThat(name(seller, poisoned)).isEqualTo("Poisoned 1");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String path : RECEIVED.keySet()) {
                assertThat(about("it-dead-letters", path)).as(path).hasSize(2);
            }
        });
        assertThat(about("it-dead-letters", "/webhook")).extracting(message -> message.get("status").asText())
                .containsExactly("FIRING", "RESOLVED");
        assertThat(texts("it-dead-letters", "/slack", "text").get(0))
                .startsWith("[FIRING] it-dead-letters (" + CATALOG + ") on it-node-1");
    }

    @Test
    void aHealthComponentGoingDownFiresAndComingBackResolves() {
        HEALTHY.set(false);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(about("it-health", "/webhook"))
                .extracting(message -> message.get("status").asText()).containsExactly("FIRING"));
        HEALTHY.set(true);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(about("it-health", "/webhook"))
                .extracting(message -> message.get("status").asText()).containsExactly("FIRING", "RESOLVED"));
        assertThat(about("it-health", "/webhook").get(0).get("subject").asText()).isEqualTo("itFlaky");
        assertThat(about("it-health", "/discord")).hasSize(2);
    }

    @Test
    void aSlowCommandHandlerFiresTheLatencyRuleUntilTheWindowHoldsNoSlowRequest() {
        HttpGraphQlTester seller = seller("al-slow-" + tag);
        String product = create(seller, "Slow");
        long start = System.nanoTime();
        rename(seller, product, CommandFaults.STALL_MARK + tag);
        System.out.printf("alerts: a rename behind the stalled handler took %.0f ms%n",
                (System.nanoTime() - start) / 1e6);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(about("it-latency", "/webhook"))
                .extracting(message -> message.get("status").asText()).containsExactly("FIRING", "RESOLVED"));
        JsonNode firing = about("it-latency", "/webhook").get(0);
        assertThat(firing.get("value").asDouble()).isGreaterThan(2.0);
        assertThat(firing.get("threshold").asDouble()).isEqualTo(2.0);
    }

    @Test
    void aSpikeOfDeclinedPaymentsFiresOnlyFromTheMinimumCount() {
        var declined = meters.counter("jangteo.payments", "method", "card", "outcome", "declined");
        var approved = meters.counter("jangteo.payments", "method", "card", "outcome", "approved");
        declined.increment(3);
        approved.increment(1);
        // 3 of 4 failed, but 4 payments are too few to call a spike
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> about("it-payments", "/webhook").isEmpty());
        declined.increment(8);
        approved.increment(2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(about("it-payments", "/webhook"))
                .extracting(message -> message.get("status").asText()).containsExactly("FIRING", "RESOLVED"));
        assertThat(about("it-payments", "/webhook").get(0).get("value").asDouble()).isGreaterThan(0.3);
    }

    @Test
    void onlyAdminsReadTheAlerts() {
        as("SUPPORT", null).document("{ alerts(first: 5) { totalCount } }").execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(ResponseError::getExtensions)
                        .anySatisfy(extensions -> assertThat(extensions).containsEntry("code", "FORBIDDEN")));
        anonymous().document("{ alerts(first: 5) { totalCount } }").execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        as("ADMIN", null).document("{ alerts(first: 500) { totalCount } }").execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(ResponseError::getExtensions)
                        .anySatisfy(extensions -> assertThat(extensions).containsEntry("code", "BAD_USER_INPUT")));
    }

    private double failedCommands() {
        return meters.find("jangteo.commands").tag("outcome", "failed").timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }

    /** Renames that the broken handler fails: each an INTERNAL error to the caller and a failed command. */
    private static void breakRenames(HttpGraphQlTester seller, String productId, int times) {
        for (int i = 0; i < times; i++) {
            seller.documentName("renameProduct")
                    .variable("input", Map.of("productId", productId, "name", CommandFaults.BREAK + i))
                    .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                            .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "INTERNAL")));
        }
    }

    private static String create(HttpGraphQlTester seller, String name) {
        return seller.documentName("createProduct")
                .variable("input", Map.of("name", name, "basePrice", Map.of("amount", 1_000, "currency", "KRW")))
                .execute()
                .path("createProduct.errors").entityList(Object.class).hasSize(0)
                .path("createProduct.product.id").entity(String.class).get();
    }

    private static void rename(HttpGraphQlTester seller, String productId, String name) {
        seller.documentName("renameProduct").variable("input", Map.of("productId", productId, "name", name))
                .execute().path("renameProduct.errors").entityList(Object.class).hasSize(0);
    }

    private static String name(HttpGraphQlTester seller, String productId) {
        return seller.documentName("product").variable("id", productId).execute()
                .path("product.name").entity(String.class).get();
    }

    private static List<JsonNode> about(String rule, String path) {
        return RECEIVED.get(path).stream().filter(message -> message.toString().contains(rule)).toList();
    }

    private static List<String> texts(String rule, String path, String field) {
        return about(rule, path).stream().map(message -> message.get(field).asText()).toList();
    }

    private JsonNode incident(String rule) {
        Object alerts = as("ADMIN", null).document("""
                        { alerts(first: 100) { totalCount edges { cursor node {
                            incidentId rule ruleType subject status value threshold window instance link notified
                            openedAt resolvedAt resolvedValue
                            deliveries { status notifier delivered attempts error at } } } } }""")
                .execute().path("alerts").entity(Object.class).get();
        JsonNode edges = JSON.valueToTree(alerts).get("edges");
        JsonNode first = null;
        // newest first: the rule's first incident is its last; a later one within the cool-down was not sent
        for (JsonNode edge : edges) {
            if (rule.equals(edge.get("node").get("rule").asText())) {
                first = edge.get("node");
            }
        }
        if (first == null) {
            throw new AssertionError("no incident of " + rule + " in " + alerts);
        }
        return first;
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status = 200;
                String text = new String(body, StandardCharsets.UTF_8);
                if (path.equals("/flaky") && text.contains("it-lag") && FLAKY_CALLS.incrementAndGet() <= 2) {
                    status = 500;
                } else if (RECEIVED.containsKey(path)
                        && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    RECEIVED.get(path).add(JSON.readTree(text));
                } else {
                    status = 404;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestParts {
        @Bean
        HealthIndicator itFlakyHealthIndicator() {
            return () -> HEALTHY.get() ? Health.up().build() : Health.down().withDetail("it", "flipped").build();
        }

        @Bean
        static CommandFaults commandFaults() {
            return new CommandFaults();
        }
    }
}
