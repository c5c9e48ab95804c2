package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

class ProductChangedSubscriptionIT extends GraphQlTestSupport {

    @Test
    void aSubscriberReceivesEachRenameOverWebSocket() {
        HttpGraphQlTester owner = seller(uniqueSeller());
        String id = (String) createProduct(owner, "Before", 1_000).get("id");
        WebSocketGraphQlTester socket = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .build();

        Flux<GraphQlTester.Response> changes = socket.documentName("productChanged")
                .variable("id", id)
                .executeSubscription()
                .toFlux();

        StepVerifier.create(changes)
                .then(() -> rename(owner, id, "After"))
                .assertNext(change -> change.path("productChanged.name").entity(String.class).isEqualTo("After"))
                .then(() -> rename(owner, id, "After again"))
                .assertNext(change -> change.path("productChanged.version").entity(Long.class).isEqualTo(2L))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
        socket.stop().block(Duration.ofSeconds(5));
    }

    private static void rename(HttpGraphQlTester owner, String id, String name) {
        // the subscription is registered asynchronously; give the WebSocket a moment before the first change
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        owner.documentName("renameProduct")
                .variable("input", Map.of("productId", id, "name", name))
                .execute()
                .path("renameProduct.errors").entityList(Object.class).hasSize(0);
    }
}
