package io.jangteo.graphql;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator looks at: health with the two stores, probes, metrics, and the GraphiQL page. */
class OperationsIT extends GraphQlTestSupport {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void healthReportsTheEventStoreAndTheReadStore() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"")
                .contains("\"eventStore\":{\"status\":\"UP\"")
                .contains("\"readStore\":{\"status\":\"UP\"");
    }

    @Test
    void livenessAndReadinessProbesAnswer() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("eventStore").contains("readStore");
    }

    @Test
    void prometheusExposesHttpAndJvmMetrics() throws Exception {
        get("/actuator/health");
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes");
    }

    @Test
    void graphiqlIsServed() throws Exception {
        HttpResponse<String> page = get("/graphiql");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(page.body()).containsIgnoringCase("graphiql");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
