package io.jangteo.graphql;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile or broken requests get a clear 4xx or a typed GraphQL error, and the server keeps answering. Raw HTTP on
 * purpose: a GraphQL client library would refuse to send most of these.
 */
class BadInputIT extends GraphQlTestSupport {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aValidQueryAnswersWithTheGraphQlResponseMediaType() throws Exception {
        HttpResponse<String> response = post("application/json", "{\"query\":\"{ ping }\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(GRAPHQL_RESPONSE));
        assertThat(response.body()).isEqualTo("{\"data\":{\"ping\":true}}");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        assertThat(post("application/json", "{\"query\": \"{ ping }\"").statusCode()).isEqualTo(400);
        assertServerStillAnswers();
    }

    @Test
    void aWrongContentTypeIsRefused() throws Exception {
        assertThat(post("text/plain", "{ ping }").statusCode()).isEqualTo(415);
        assertServerStillAnswers();
    }

    @Test
    void anUnknownFieldIsAValidationErrorWithStatus400() throws Exception {
        HttpResponse<String> response = post("application/json", "{\"query\":\"{ ping nosuchfield }\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"GRAPHQL_VALIDATION_FAILED\"").doesNotContain("\"data\"");
    }

    @Test
    void aSyntaxErrorIsAParseFailure() throws Exception {
        HttpResponse<String> response = post("application/json", "{\"query\":\"{ ping \"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"GRAPHQL_PARSE_FAILED\"");
    }

    @Test
    void aFiveMegabyteBodyIsRefusedBeforeParsing() throws Exception {
        String padding = "x".repeat(5 * 1024 * 1024);
        HttpResponse<String> response = post("application/json",
                "{\"query\":\"{ ping }\",\"variables\":{\"pad\":\"" + padding + "\"}}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("REQUEST_TOO_LARGE");
        assertServerStillAnswers();
    }

    @Test
    void aThousandAliasesAreRefused() throws Exception {
        String aliases = IntStream.range(0, 1000).mapToObj(i -> "a" + i + ": ping").collect(Collectors.joining(" "));
        HttpResponse<String> response = post("application/json", "{\"query\":\"{ " + aliases + " }\"}");

        assertThat(response.body()).contains("QUERY_TOO_MANY_ALIASES").doesNotContain("\"a0\"");
        assertThat(response.statusCode()).isBetween(200, 499);
        assertServerStillAnswers();
    }

    @Test
    void queriesDeeperThanTheLimitAreRefused() throws Exception {
        // introspection types nest without end: a valid query deeper than the configured limit of 12
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { name } } } } } } } } } } } } }";
        HttpResponse<String> response = post("application/json", "{\"query\":\"" + deep + "\"}");

        assertThat(response.body()).contains("QUERY_LIMIT_EXCEEDED").contains("depth");
        assertServerStillAnswers();
    }

    @Test
    void absurdNestingIsRefusedByTheParser() throws Exception {
        String deep = "{ a ".repeat(5_000) + "}".repeat(5_000);
        HttpResponse<String> response = post("application/json", "{\"query\":\"" + deep + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"GRAPHQL_PARSE_FAILED\"")
                .doesNotContain("StackOverflow").doesNotContain("at graphql.");
        assertServerStillAnswers();
    }

    @Test
    void anInvalidBearerTokenIsUnauthorized() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer not.a.token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ ping }\"}"))
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownPathsAreNotServed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/env")).GET().build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(401, 403, 404);
    }

    private void assertServerStillAnswers() throws Exception {
        HttpResponse<String> response = post("application/json", "{\"query\":\"{ ping }\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"ping\":true");
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                .header("Content-Type", contentType)
                .header("Accept", GRAPHQL_RESPONSE + ", application/json;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
