package io.jangteo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;

/**
 * Rebuild speed of one read model: {@code rebuildProjection} as an admin, then {@code projections} polled until the
 * processor is live again. Reported as a scenario row whose requests are the events the replay went through (the
 * store's head position when it started), whose throughput is events per second over the whole rebuild, and whose
 * latency columns all hold the rebuild's duration.
 */
final class Rebuilds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REBUILD = "mutation B($input: RebuildProjectionInput!) { rebuildProjection(input: $input) "
            + "{ projection { name headPosition } errors { code field message } } }";
    private static final String PROJECTIONS = "{\"query\":\"{ projections { name state position headPosition replaying "
            + "progressPercent eventsPerSecond } }\"}";

    private Rebuilds() {
    }

    static ScenarioResult rebuild(String label, String processor, GraphQl gql, String adminToken, Duration limit)
            throws IOException, InterruptedException {
        String answer = gql.callForBody(GraphQl.body(REBUILD, JSON.createObjectNode().put("name", processor)),
                adminToken);
        long started = System.nanoTime();
        String error = GraphQl.errorOf(200, answer);
        if (error != null) {
            return failed(label, error);
        }
        long head = JSON.readTree(answer).path("data").path("rebuildProjection").path("projection")
                .path("headPosition").asLong();
        long deadline = started + limit.toNanos();
        String token = adminToken;
        while (System.nanoTime() < deadline) {
            String body;
            try {
                body = gql.callForBody(PROJECTIONS, token);
            } catch (java.net.http.HttpTimeoutException e) {
                // the application is busy rebuilding: ask again, the rebuild's own limit still applies
                System.out.println("  projections query timed out during the rebuild; asking again");
                continue;
            }
            if (GraphQl.errorOf(200, body) != null) {
                // a rebuild may outlast the admin's token (15 minutes): sign in again and ask once more
                token = gql.devLogin("ADMIN", null);
                body = gql.callForBody(PROJECTIONS, token);
            }
            JsonNode projection = find(body, processor);
            if (projection != null && !projection.path("replaying").asBoolean()
                    && "LIVE".equals(projection.path("state").asText())
                    && projection.path("position").asLong(-1) >= head) {
                long micros = Math.max(1, (System.nanoTime() - started) / 1_000);
                Histogram duration = new Histogram(3);
                duration.recordValue(micros);
                return new ScenarioResult(label, 1, head, 0, head, micros / 1e6, duration, null);
            }
            Thread.sleep(250);
        }
        return failed(label, processor + " was still rebuilding after " + limit.toSeconds() + " s");
    }

    private static JsonNode find(String body, String processor) throws IOException {
        for (JsonNode projection : JSON.readTree(body).path("data").path("projections")) {
            if (processor.equals(projection.path("name").asText())) {
                return projection;
            }
        }
        return null;
    }

    private static ScenarioResult failed(String label, String error) {
        return new ScenarioResult(label, 1, 0, 1, 0, 0, new Histogram(3), error);
    }
}
