package io.jangteo.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class EventExportIT extends GraphQlTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void exportsARangeAsNdjsonFilteredAndBounded() throws Exception {
        long before = head();
        HttpGraphQlTester owner = seller(uniqueSeller());
        Set<String> ours = Set.of(
                (String) createProduct(owner, "Export A", 1_000).get("id"),
                (String) createProduct(owner, "Export B", 2_000).get("id"),
                (String) createProduct(owner, "Export C", 3_000).get("id"));
        long after = head();
        String analyst = token("ANALYST", null);

        HttpResponse<String> response = get("/events/export?from=" + (before + 1) + "&to=" + after
                + "&aggregateTypes=Product", analyst);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(response.body());
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("aggregateType").asText()).isEqualTo("Product");
            assertThat(line.get("position").asLong()).isBetween(before + 1, after);
            assertThat(line.hasNonNull("resumeToken")).isTrue();
            assertThat(line.hasNonNull("occurredAt")).isTrue();
            assertThat(line.get("metaData").has("actorId")).isTrue();
        });
        // unique; not always increasing, since an event that commits late arrives after events placed higher
        assertThat(lines).extracting(line -> line.get("position").asLong()).doesNotHaveDuplicates();
        Map<String, List<Long>> sequences = new HashMap<>();
        lines.stream().filter(line -> ours.contains(line.get("aggregateId").asText())).forEach(line -> sequences
                .computeIfAbsent(line.get("aggregateId").asText(), k -> new ArrayList<>())
                .add(line.get("sequenceNumber").asLong()));
        assertThat(sequences.keySet()).containsExactlyInAnyOrderElementsOf(ours);
        sequences.forEach((id, numbers) -> assertThat(numbers)
                .isEqualTo(LongStream.range(0, eventsOf(id).size()).boxed().toList()));

        // by event type: only the creations
        String created = lines.stream().filter(line -> line.get("sequenceNumber").asLong() == 0)
                .findFirst().orElseThrow().get("eventType").asText();
        List<JsonNode> creations = lines(get("/events/export?from=" + (before + 1) + "&to=" + after
                + "&eventTypes=" + created, analyst).body());
        assertThat(creations).extracting(line -> line.get("eventType").asText()).containsOnly(created);
        assertThat(creations).extracting(line -> line.get("aggregateId").asText()).containsAll(ours);

        // to bounds the range (inclusive)
        List<JsonNode> one = lines(get("/events/export?from=" + (before + 1) + "&to=" + (before + 1), analyst)
                .body());
        assertThat(one).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(line -> assertThat(line.get("position").asLong()).isEqualTo(before + 1));

        // without to, the export still ends: at the head when the request arrived
        List<JsonNode> toHead = lines(get("/events/export?from=" + (before + 1), analyst).body());
        assertThat(toHead.size()).isGreaterThanOrEqualTo(lines.size());
    }

    @Test
    void onlyAnalystsAndAdminsMayExport() throws Exception {
        long t0 = System.nanoTime();
        assertThat(get("/events/export", null).statusCode()).isEqualTo(401);
        long t1 = System.nanoTime();
        assertThat(get("/events/export", token("CUSTOMER", null)).statusCode()).isEqualTo(403);
        assertThat(get("/events/export", token("SUPPORT", null)).statusCode()).isEqualTo(403);
        long t2 = System.nanoTime();
        String admin = token("ADMIN", null);
        long t3 = System.nanoTime();
        assertThat(get("/events/export?from=" + head(), admin).statusCode()).isEqualTo(200);
        long t4 = System.nanoTime();
        System.out.printf("export timings ms: anonymous %d, refused %d, admin token %d, admin export %d%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    }

    @Test
    void badParametersAreRefusedWith400() throws Exception {
        String analyst = token("ANALYST", null);
        for (String query : List.of("from=abc", "from=-5", "to=x", "fromTime=yesterday", "toTime=2026-13-01",
                "from=10&to=3", "from=1&fromTime=2026-01-01T00:00:00Z", "eventTypes=Order%20Placed")) {
            HttpResponse<String> response = get("/events/export?" + query, analyst);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("code").asText()).as(query).isEqualTo("BAD_USER_INPUT");
        }
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private static List<JsonNode> lines(String body) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
