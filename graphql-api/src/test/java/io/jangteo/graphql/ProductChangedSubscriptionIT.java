package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProductChangedSubscriptionIT extends GraphQlTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void aSubscriberReceivesEachRenameOverWebSocketInOrder() throws Exception {
        String shop = uniqueSeller();
        HttpGraphQlTester owner = seller(shop);
        String id = (String) createProduct(owner, "Before", 1_000).get("id");
        // a draft: only its seller (and staff) may follow it, so the socket signs in as the seller
        String token = token("SELLER", shop);
        WebSocketGraphQlTester socket = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .headers(headers -> headers.setBearerAuth(token))
                .build();
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        Disposable subscription = socket.documentName("productChanged")
                .variable("id", id)
                .executeSubscription()
                .toFlux()
                .subscribe(response -> received.add(response.path("productChanged").entity(Map.class).get()));
        try {
            // the server registers the subscription asynchronously: rename until the first change arrives
            Map<String, Object> first = null;
            for (int attempt = 0; first == null && attempt < 60; attempt++) {
                rename(owner, id, "After " + attempt);
                first = received.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(first).as("a change within 30 s").isNotNull();
            assertThat((String) first.get("name")).startsWith("After ");

            rename(owner, id, "Final");
            List<Map<String, Object>> changes = new ArrayList<>(List.of(first));
            while (!"Final".equals(changes.get(changes.size() - 1).get("name"))) {
                Map<String, Object> next = received.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("the change to 'Final' arrives").isNotNull();
                changes.add(next);
            }
            assertThat(changes).extracting(change -> ((Number) change.get("version")).longValue()).isSorted()
                    .doesNotHaveDuplicates();
        } finally {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    private static void rename(HttpGraphQlTester owner, String id, String name) {
        owner.documentName("renameProduct")
                .variable("input", Map.of("productId", id, "name", name))
                .execute()
                .path("renameProduct.errors").entityList(Object.class).hasSize(0);
    }
}
