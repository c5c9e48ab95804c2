package io.jangteo.graphql.demo;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new installation seeds the demo marketplace on its first start: shops with their policies, the category tree and
 * products with options, stock and processed pictures, all visible to a visitor and all attributed to the demo actor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jangteo.demo.enabled=true",
        "jangteo.api.security.dev-login-enabled=true",
        "jangteo.demo.products=" + DemoCatalogIT.PRODUCTS,
        "spring.main.banner-mode=off"
})
class DemoCatalogIT {

    static final int PRODUCTS = 30;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    DemoSeeder seeder;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("jangteo-demo-it-");
        registry.add("jangteo.data-dir", dir::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirstStartSeedsABrowsableMarketplace() {
        List<DemoCatalog.Item> items = DemoCatalog.items(PRODUCTS);
        long listed = java.util.stream.IntStream.range(0, PRODUCTS)
                .filter(i -> items.get(i).publish() && i % 40 != 13).count();
        HttpGraphQlTester visitor = tester(null);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(visitor.document("{ products(first: 1) { totalCount } }").execute()
                        .path("products.totalCount").entity(Long.class).get()).isEqualTo(listed));

        Map<String, Object> sellers = tester(token("ADMIN")).document(
                        "{ sellers(status: ACTIVE, first: 20) { totalCount edges { node { shopName shippingPolicyVersion } } } }")
                .execute().path("sellers").entity(Map.class).get();
        assertThat(sellers.get("totalCount")).isEqualTo(DemoCatalog.SHOPS.size());
        assertThat((List<Map<String, Object>>) sellers.get("edges"))
                .allSatisfy(edge -> assertThat(((Map<String, Object>) edge.get("node")).get("shippingPolicyVersion"))
                        .isEqualTo(1));

        List<Map<String, Object>> roots = visitor.document("{ categories { name productCount children { name productCount } } }")
                .execute().path("categories").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(roots).extracting(r -> r.get("name")).contains("패션의류", "식품", "뷰티");
        assertThat(roots.stream().mapToLong(r -> ((Number) r.get("productCount")).longValue()).sum()).isEqualTo(listed);

        // every picture is processed in the background and served
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> media = visitor.document(
                            "{ products(first: 100) { edges { node { media { status renditions { name url } } } } } }")
                    .execute().path("products.edges[*].node.media[*]").entityList(Map.class).get().stream()
                    .map(m -> (Map<String, Object>) m).toList();
            assertThat(media).hasSize((int) listed).allSatisfy(m -> assertThat(m.get("status")).isEqualTo("READY"));
        });
        String url = visitor.document("{ product(id: \"demo-0001\") { media { renditions { name url } } } }")
                .execute().path("product.media[0].renditions[?(@.name == 'thumbnail')].url").entityList(String.class)
                .get().get(0);
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get().uri(url).exchange()
                .expectStatus().isOk().expectHeader().contentType("image/jpeg");

        // the demo's history says where it came from
        assertThat(eventStore.readEvents("demo-0001").asStream())
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.getMetaData().get("actorId")).isIn("system:demo-data",
                        "system:media-processing"));

        // a later start finds events and leaves the data alone
        assertThat(seeder.storeIsEmpty()).isFalse();
    }

    private HttpGraphQlTester tester(String token) {
        WebTestClient.Builder client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30));
        if (token != null) {
            client.defaultHeader("Authorization", "Bearer " + token);
        }
        return HttpGraphQlTester.create(client.build());
    }

    private String token(String role) {
        return tester(null).document("mutation { devLogin(input: {role: " + role + "}) { token } }")
                .execute().path("devLogin.token").entity(String.class).get();
    }
}
