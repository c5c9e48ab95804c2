package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous catalog queries are answered from memory while the catalog is unchanged, and never once it changed:
 * the answer after a change is the new one, exactly as without the cache.
 */
class CatalogResponseCacheIT extends GraphQlTestSupport {

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aRepeatedStorefrontQueryIsServedFromMemoryUntilTheCatalogChanges() {
        String sellerId = activeSeller();
        HttpGraphQlTester seller = seller(sellerId);
        String productId = (String) createProduct(seller, "캐시 " + tag, 7_000).get("id");
        seller.documentName("productLifecycle").operationName("publishProduct").variable("productId", productId)
                .execute().path("publishProduct.errors").entityList(Object.class).hasSize(0);
        String query = "{\"query\":\"{ product(id: \\\"" + productId + "\\\") { name status } }\"}";

        EntityExchangeResult<String> first = post(query, null);
        EntityExchangeResult<String> second = post(query, null);
        assertThat(first.getResponseHeaders().getFirst("X-Jangteo-Cache")).isEqualTo("miss");
        assertThat(second.getResponseHeaders().getFirst("X-Jangteo-Cache")).isEqualTo("hit");
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody()).contains("캐시 " + tag);
        assertThat(second.getResponseHeaders().getContentType()).isEqualTo(first.getResponseHeaders().getContentType());
        // the security chain's headers are repeated on a hit, the request's own identity is not
        for (String header : List.of("X-Content-Type-Options", "X-Frame-Options", "Cache-Control")) {
            assertThat(second.getResponseHeaders().get(header)).as(header)
                    .isNotNull().isEqualTo(first.getResponseHeaders().get(header));
        }
        assertThat(second.getResponseHeaders().getFirst("X-Request-Id"))
                .isNotEqualTo(first.getResponseHeaders().getFirst("X-Request-Id"));

        seller.documentName("renameProduct").variable("input", Map.of("productId", productId, "name", "바뀐 " + tag))
                .execute().path("renameProduct.errors").entityList(Object.class).hasSize(0);
        EntityExchangeResult<String> afterChange = post(query, null);
        assertThat(afterChange.getResponseHeaders().getFirst("X-Jangteo-Cache")).isEqualTo("miss");
        assertThat(afterChange.getResponseBody()).contains("바뀐 " + tag).doesNotContain("캐시 " + tag);
        assertThat(post(query, null).getResponseHeaders().getFirst("X-Jangteo-Cache")).isEqualTo("hit");
    }

    @Test
    void signedInCallersMutationsAndErrorsAreNeverCached() {
        String products = "{\"query\":\"{ products(first: 3) { totalCount } }\"}";
        String token = token("ADMIN", null);
        for (int i = 0; i < 2; i++) {
            assertThat(post(products, token).getResponseHeaders().containsKey("X-Jangteo-Cache")).isFalse();
        }

        String login = "{\"query\":\"mutation { devLogin(input: {role: CUSTOMER}) { token } }\"}";
        for (int i = 0; i < 2; i++) {
            assertThat(post(login, null).getResponseHeaders().containsKey("X-Jangteo-Cache")).isFalse();
        }

        String forged = "{\"query\":\"{ products(first: 1, after: \\\"forged\\\") { totalCount } }\"}";
        for (int i = 0; i < 2; i++) {
            EntityExchangeResult<String> answer = post(forged, null);
            assertThat(answer.getResponseBody()).contains("BAD_USER_INPUT");
            assertThat(answer.getResponseHeaders().getFirst("X-Jangteo-Cache")).isEqualTo("miss");
        }

        String mixed = "{\"query\":\"{ products(first: 1) { totalCount } ping }\"}";
        assertThat(post(mixed, null).getResponseHeaders().containsKey("X-Jangteo-Cache")).isFalse();
    }

    private EntityExchangeResult<String> post(String body, String token) {
        WebTestClient.RequestBodySpec request = WebTestClient.bindToServer().baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/graphql-response+json"));
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(body).exchange().expectBody(String.class).returnResult();
    }

    @SuppressWarnings("unchecked")
    private String activeSeller() {
        String sellerId = (String) as("CUSTOMER", null).documentName("registerSeller")
                .variable("input", Map.of(
                        "shopName", "캐시상회 " + tag, "representative", "한캐시", "businessNumber", "2208162517",
                        "contactEmail", "cache@shop.example", "contactPhone", "0212345678",
                        "settlementAccount", Map.of("bankCode", "004", "holderName", "한캐시",
                                "maskedNumber", "***-***-1234")))
                .execute()
                .path("registerSeller.errors").entityList(Object.class).hasSize(0)
                .path("registerSeller.seller.id").entity(String.class).get();
        as("ADMIN", null).documentName("sellerDecision").operationName("approveSeller").variable("sellerId", sellerId)
                .execute().path("approveSeller.errors").entityList(Object.class).hasSize(0);
        return sellerId;
    }
}
