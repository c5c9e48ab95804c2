package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection handler that fails on one aggregate parks that aggregate's events, in order, and keeps projecting the
 * others; once the fault is gone a retry brings the aggregate up to date. The fault is injected by
 * {@link ProjectionFaults}, active only under its profile, so this class runs its own application on its own data
 * directory.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jangteo.api.http.trusted-proxies=127.0.0.1,::1",
        "jangteo.demo.enabled=false",
        "jangteo.api.security.dev-login-enabled=true",
        // a rename of a product whose projection fails would otherwise wait the full five seconds for its view
        "jangteo.api.graphql.consistency-timeout=PT1S",
        "spring.main.banner-mode=off"
})
@ActiveProfiles(ProjectionFaults.PROFILE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadLetterIT {

    private static final String CATALOG = "product-catalog-v2";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DATA_DIR = temporaryDataDir();

    @LocalServerPort
    int port;

    @Autowired
    ProjectionFaults faults;

    @DynamicPropertySource
    static void ownDataDir(DynamicPropertyRegistry registry) {
        registry.add("jangteo.data-dir", DATA_DIR::toString);
    }

    @Test
    void aFailingAggregateIsParkedInOrderWhileOthersProjectAndARetryCatchesItUp() {
        OrderTestKit kit = new OrderTestKit(port);
        HttpGraphQlTester admin = kit.admin();
        HttpGraphQlTester seller = kit.as("SELLER", "dl-shop-" + tag(), "dl-seller");
        String poisoned = create(seller, "Poisoned");
        String healthy = create(seller, "Healthy");

        faults.failFor(CATALOG, poisoned);
        try {
            rename(seller, poisoned, "Poisoned 1");
            rename(seller, poisoned, "Poisoned 2");
            rename(seller, healthy, "Healthy 1");

            await().atMost(WAIT).untilAsserted(() -> assertThat(name(seller, healthy)).isEqualTo("Healthy 1"));
            List<Map<String, Object>> letters = await().atMost(WAIT).until(
                    () -> letters(admin, CATALOG), parked -> parked.size() == 2);
            assertThat(letters).extracting(l -> l.get("aggregateId")).containsOnly(poisoned);
            assertThat(letters).extracting(l -> ((Number) l.get("sequenceNumber")).longValue())
                    .as("parked in the order they happened").containsExactly(1L, 2L);
            assertThat(letters).allSatisfy(letter -> {
                assertThat((String) letter.get("eventType")).endsWith("ProductRenamed");
                assertThat(letter.get("sequence")).isEqualTo(poisoned);
            });
            // the first letter failed; the second was parked behind it without being tried
            assertThat((String) letters.get(0).get("causeType")).endsWith("InjectedFault");
            assertThat((String) letters.get(0).get("causeMessage")).contains("injected fault for " + poisoned);
            assertThat(name(seller, poisoned)).as("the read model keeps the last event it handled")
                    .isEqualTo("Poisoned");
            assertThat(projection(admin, CATALOG).get("deadLetterCount")).isEqualTo(2);
            assertThat(projection(admin, CATALOG).get("state")).as("the processor is not stopped").isEqualTo("LIVE");
        } finally {
            faults.heal();
        }

        Map<String, Object> retried = admin.documentName("operations").operationName("retryDeadLetters")
                .variable("input", Map.of("processor", CATALOG)).execute()
                .path("retryDeadLetters").entity(Map.class).get();
        assertThat(retried).containsEntry("handled", 2).containsEntry("remaining", 0)
                .containsEntry("errors", List.of());
        assertThat(name(seller, poisoned)).isEqualTo("Poisoned 2");
        assertThat(letters(admin, CATALOG)).isEmpty();
    }

    @Test
    void anEvictedLetterIsGoneAndAnUnknownOneIsNotFound() {
        OrderTestKit kit = new OrderTestKit(port);
        HttpGraphQlTester admin = kit.admin();
        HttpGraphQlTester seller = kit.as("SELLER", "ev-shop-" + tag(), "ev-seller");
        String product = create(seller, "Evicted");
        faults.failFor(CATALOG, product);
        List<Map<String, Object>> letters;
        try {
            rename(seller, product, "Never shown");
            letters = await().atMost(WAIT).until(() -> letters(admin, CATALOG).stream()
                    .filter(l -> product.equals(l.get("aggregateId"))).toList(), parked -> parked.size() == 1);
        } finally {
            faults.heal();
        }
        String id = (String) letters.get(0).get("id");

        Map<String, Object> unknown = evict(admin, CATALOG, "no-such-letter");
        assertThat(unknown.get("evictedId")).isNull();
        assertThat(unknown.get("errors")).asList().singleElement()
                .satisfies(e -> assertThat(((Map<?, ?>) e).get("code")).isEqualTo("NOT_FOUND"));
        assertThat(evict(admin, "no-such-processor", id).get("errors")).asList().singleElement()
                .satisfies(e -> assertThat(((Map<?, ?>) e).get("code")).isEqualTo("NOT_FOUND"));

        Map<String, Object> evicted = evict(admin, CATALOG, id);
        assertThat(evicted).containsEntry("evictedId", id).containsEntry("errors", List.of());
        assertThat(letters(admin, CATALOG)).extracting(l -> l.get("id")).doesNotContain(id);
        assertThat(name(seller, product)).as("an evicted event never reaches the read model").isEqualTo("Evicted");
    }

    @Test
    void onlyAdminsSeeDeadLetters() {
        OrderTestKit kit = new OrderTestKit(port);
        kit.as("SUPPORT", null, "dl-support").documentName("operations").operationName("deadLetters")
                .variable("processor", CATALOG).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> letters(HttpGraphQlTester admin, String processor) {
        return admin.documentName("operations").operationName("deadLetters")
                .variable("processor", processor).variable("first", 100).execute()
                .path("deadLetters.edges[*].node").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> projection(HttpGraphQlTester admin, String name) {
        List<Map<String, Object>> all = admin.documentName("operations").operationName("projections").execute()
                .path("projections").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        return all.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evict(HttpGraphQlTester admin, String processor, String id) {
        return admin.documentName("operations").operationName("evictDeadLetter")
                .variable("input", Map.of("processor", processor, "id", id)).execute()
                .path("evictDeadLetter").entity(Map.class).get();
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

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("jangteo-dead-letters-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
