package io.jangteo.graphql;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole application on a random port, in embedded mode on a fresh data directory, driven over real HTTP. All use
 * case tests share one application (Spring caches the context), so each test creates its own products and sellers and
 * never relies on what another test left behind.
 */
@AutoConfigureObservability(tracing = false) // tests disable metrics export unless asked; operators rely on it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jangteo.api.http.trusted-proxies=127.0.0.1,::1",
        // use cases start from an empty marketplace; DemoCatalogIT covers the demo data
        "jangteo.demo.enabled=false",
        // most use cases need a caller of a fixed role, not an account; the member tests sign in for real
        "jangteo.api.security.dev-login-enabled=true",
        "jangteo.members.initial-admin.email=" + GraphQlTestSupport.ADMIN_EMAIL,
        "jangteo.members.initial-admin.password=" + GraphQlTestSupport.ADMIN_PASSWORD,
        // earned points become spendable after a second, so a test can watch the scheduler move them
        "jangteo.members.points.pending-period=PT1S",
        "jangteo.schedule.poll-interval=PT0.2S",
        // indirect, so a subclass with an application of its own (its own @SpringBootTest) can give it its own
        // directory: one process holds a data directory at a time, and Spring keeps the shared application running
        "jangteo.data-dir=${jangteo.test.shared-data-dir}",
        "spring.main.banner-mode=off"
})
public abstract class GraphQlTestSupport {

    static final Path DATA_DIR = temporaryDataDir();
    protected static final String ADMIN_EMAIL = "admin@it.jangteo.test";
    protected static final String ADMIN_PASSWORD = "initial-admin-secret-1";

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventStore eventStore;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("jangteo.test.shared-data-dir", DATA_DIR::toString);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected HttpGraphQlTester anonymous() {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl(baseUrl() + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        return HttpGraphQlTester.create(client);
    }

    protected HttpGraphQlTester as(String role, String sellerId) {
        return anonymous().mutate().header("Authorization", "Bearer " + token(role, sellerId)).build();
    }

    protected HttpGraphQlTester seller(String sellerId) {
        return as("SELLER", sellerId);
    }

    protected String token(String role, String sellerId) {
        return anonymous().documentName("devLogin")
                .variable("role", role)
                .variable("sellerId", sellerId)
                .variable("subject", "test-" + role.toLowerCase() + "-" + (sellerId == null ? "x" : sellerId))
                .execute()
                .path("devLogin.errors").entityList(Object.class).hasSize(0)
                .path("devLogin.token").entity(String.class).get();
    }

    protected static String uniqueSeller() {
        return "seller-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> createProduct(HttpGraphQlTester tester, String name, long amount) {
        return tester.documentName("createProduct")
                .variable("input", Map.of("name", name, "basePrice", Map.of("amount", amount, "currency", "KRW")))
                .execute()
                .path("createProduct.errors").entityList(Object.class).hasSize(0)
                .path("createProduct.product").entity(Map.class).get();
    }

    protected List<? extends DomainEventMessage<?>> eventsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().toList();
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("jangteo-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
