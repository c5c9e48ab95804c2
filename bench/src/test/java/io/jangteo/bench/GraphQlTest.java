package io.jangteo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphQlTest {

    @Test
    void successHasNoTopLevelAndNoPayloadErrors() {
        assertThat(GraphQl.errorOf(200, "{\"data\":{\"createProduct\":{\"product\":{\"id\":\"p1\"},\"errors\":[]}}}"))
                .isNull();
        assertThat(GraphQl.errorOf(200, "{\"data\":{\"products\":{\"totalCount\":3,\"edges\":[]}}}")).isNull();
    }

    @Test
    void httpStatusTopLevelErrorsAndUserErrorsAreErrors() {
        assertThat(GraphQl.errorOf(401, "")).isEqualTo("HTTP 401: ");
        String topLevel = "{\"errors\":[{\"message\":\"Unauthorized\"}],\"data\":null}";
        assertThat(GraphQl.errorOf(200, topLevel)).isEqualTo(topLevel);
        String userError = "{\"data\":{\"createProduct\":{\"product\":null,\"errors\":[{\"code\":\"INVALID\"}]}}}";
        assertThat(GraphQl.errorOf(200, userError)).isEqualTo(userError);
        assertThat(GraphQl.errorOf(200, "<html>")).startsWith("not JSON");
        assertThat(GraphQl.errorOf(200, "{}")).isEqualTo("no data: {}");
    }

    @Test
    void createBodyCarriesTheVariables() {
        assertThat(GraphQl.createBody("Bench product 7"))
                .startsWith("{\"query\":\"mutation Create(")
                .endsWith(",\"variables\":{\"input\":{\"name\":\"Bench product 7\","
                        + "\"basePrice\":{\"amount\":12000,\"currency\":\"KRW\"}}}}");
        assertThat(GraphQl.listBody()).doesNotContain("variables");
        assertThat(GraphQl.catalogBody()).contains("seller { id shopName }", "stock { available }")
                .doesNotContain("variables");
    }

    @Test
    void theByteVerdictAgreesWithTheFullOne() {
        for (String body : java.util.List.of("{\"data\":{\"products\":{\"totalCount\":3}}}",
                "{\"errors\":[{\"message\":\"boom\"}]}",
                "{\"data\":{\"createProduct\":{\"product\":null,\"errors\":[{\"code\":\"INVALID_INPUT\"}]}}}",
                "{\"data\":{\"createProduct\":{\"product\":{\"id\":\"1\"},\"errors\":[]}}}", "not json")) {
            for (int status : new int[] {200, 500}) {
                assertThat(GraphQl.errorOf(status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .as(status + " " + body).isEqualTo(GraphQl.errorOf(status, body));
            }
        }
    }
}
