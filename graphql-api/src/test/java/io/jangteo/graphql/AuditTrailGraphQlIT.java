package io.jangteo.graphql;

import io.jangteo.axon.audit.AuditMetaData;
import io.jangteo.axon.audit.MissingAuditMetaDataException;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.RenameProduct;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every event written through GraphQL says who, from where, in which request, caused by what. */
class AuditTrailGraphQlIT extends GraphQlTestSupport {

    @Autowired
    CommandGateway commandGateway;

    @Test
    void anEventWrittenThroughGraphQlCarriesTheWholeAuditTrail() throws Exception {
        String shop = uniqueSeller();
        HttpResponse<String> response = post(token("SELLER", shop), "audit-req-0001",
                "203.0.113.9, 127.0.0.1", "JangteoTest/1.0 (audit)");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).contains("audit-req-0001");
        String id = response.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        List<? extends DomainEventMessage<?>> events = eventsOf(id);
        assertThat(events).hasSize(1);
        MetaData metaData = events.get(0).getMetaData();
        assertThat(metaData)
                .containsEntry("actorId", "test-seller-" + shop)
                .containsEntry("actorRole", "SELLER")
                .containsEntry("actorSellerId", shop)
                .containsEntry("clientIp", "203.0.113.9")
                .containsEntry("userAgent", "JangteoTest/1.0 (audit)")
                .containsEntry("requestId", "audit-req-0001")
                .containsEntry("correlationId", "audit-req-0001")
                .containsKey("causationId");
        assertThat((String) metaData.get("causationId")).isNotBlank().isNotEqualTo(events.get(0).getIdentifier());
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByAFreshOne() throws Exception {
        HttpResponse<String> response = post(token("SELLER", uniqueSeller()), "not a sane id; drop table",
                null, "JangteoTest/1.0");

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).matches("[0-9a-f-]{36}");
        String id = response.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(eventsOf(id).get(0).getMetaData())
                .containsEntry("requestId", requestId)
                .containsEntry("clientIp", "127.0.0.1");
    }

    @Test
    void systemActorsAreNamedInTheEventsTheyCause() {
        String id = (String) createProduct(seller(uniqueSeller()), "By a human", 1_000).get("id");
        AuditMetaData scheduler = AuditMetaData.system("catalog-scheduler");

        commandGateway.sendAndWait(GenericCommandMessage
                .asCommandMessage(new RenameProduct(ProductId.of(id), "By the system"))
                .andMetaData(scheduler.toMetaData()));

        DomainEventMessage<?> renamed = eventsOf(id).get(1);
        assertThat(renamed.getMetaData())
                .containsEntry("actorId", "system:catalog-scheduler")
                .containsEntry("actorRole", "SYSTEM")
                .containsEntry("requestId", scheduler.requestId())
                .doesNotContainKey("clientIp");
    }

    @Test
    void aCommandWithoutAuditMetaDataIsNeverDispatched() {
        String id = (String) createProduct(seller(uniqueSeller()), "Guarded", 1_000).get("id");

        assertThatThrownBy(() -> commandGateway.sendAndWait(new RenameProduct(ProductId.of(id), "Unattributed")))
                .isInstanceOf(MissingAuditMetaDataException.class)
                .hasMessageContaining("actorId");
        assertThat(eventsOf(id)).hasSize(1);
    }

    @Test
    void aMutationOverWebSocketIsAttributedToTheHandshakesCaller() {
        String shop = uniqueSeller();
        WebSocketGraphQlTester socket = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .header("Authorization", "Bearer " + token("SELLER", shop))
                .header("User-Agent", "JangteoTest/1.0 (websocket)")
                .build();
        try {
            String id = socket.documentName("createProduct")
                    .variable("input", Map.of("name", "Over a socket",
                            "basePrice", Map.of("amount", 500, "currency", "KRW")))
                    .execute()
                    .path("createProduct.errors").entityList(Object.class).hasSize(0)
                    .path("createProduct.product.id").entity(String.class).get();

            assertThat(eventsOf(id).get(0).getMetaData())
                    .containsEntry("actorRole", "SELLER")
                    .containsEntry("actorSellerId", shop)
                    .containsEntry("userAgent", "JangteoTest/1.0 (websocket)")
                    .containsKey("clientIp")
                    .containsKey("requestId");
        } finally {
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    private HttpResponse<String> post(String token, String requestId, String forwardedFor, String userAgent)
            throws Exception {
        String body = """
                {"query":"mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code } } }",
                 "variables":{"input":{"name":"Audited","basePrice":{"amount":1000,"currency":"KRW"}}}}""";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId)
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
