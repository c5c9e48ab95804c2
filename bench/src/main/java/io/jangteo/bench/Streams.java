package io.jangteo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivery latency of the {@code events} subscription: an admin subscribes over WebSocket (graphql-transport-ws) to the
 * renames of one product from now on, while a seller renames it at a steady pace; each delivered event's latency is
 * its receipt time minus the time the event carries (the application and the bench share the machine's clock). Every
 * rename must arrive: one that does not is counted as an error.
 */
final class Streams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIBE = "subscription S($at: DateTime!) { events(filter: {eventTypes: "
            + "[\"ProductRenamed\"]}, from: {at: $at}) { position occurredAt aggregateId } }";
    private static final String RENAME = "mutation R($input: RenameProductInput!) { renameProduct(input: $input) "
            + "{ errors { code field message } } }";

    private Streams() {
    }

    /**
     * @param renamesPerSecond how often the product is renamed; the subscription's latency is measured at that rate
     */
    static ScenarioResult deliveryLatency(String name, GraphQl gql, URI graphqlUri, String adminToken,
                                          String sellerToken, Duration warmup, Duration measured,
                                          int renamesPerSecond) throws Exception {
        String productId = gql.mutation(GraphQl.CREATE, JSON.createObjectNode().put("name", "Stream probe")
                        .set("basePrice", JSON.createObjectNode().put("amount", 12000).put("currency", "KRW")),
                sellerToken, "createProduct").path("product").path("id").asText();
        Histogram latencies = new Histogram(3);
        AtomicLong received = new AtomicLong();
        AtomicLong measuring = new AtomicLong(Long.MAX_VALUE); // epoch micros from which receipts count
        AtomicLong measuredUntil = new AtomicLong(Long.MAX_VALUE);
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Listener listener = new Listener(productId, latencies, received, measuring, measuredUntil, failure, ready);
        URI ws = URI.create(graphqlUri.toString().replaceFirst("^http", "ws"));
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + adminToken)
                .subprotocols("graphql-transport-ws")
                .buildAsync(ws, listener).get(10, TimeUnit.SECONDS);
        listener.socket = socket;
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true);
        if (!ready.await(10, TimeUnit.SECONDS)) {
            throw new IOException("events subscription: no connection_ack: " + failure.get());
        }
        ObjectNode subscribe = JSON.createObjectNode().put("id", "1").put("type", "subscribe");
        subscribe.putObject("payload").put("query", SUBSCRIBE).putObject("variables")
                .put("at", Instant.now().minusSeconds(1).toString());
        socket.sendText(subscribe.toString(), true);

        long pauseNanos = 1_000_000_000L / renamesPerSecond;
        long sent = 0;
        long sentMeasured = 0;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        boolean inWindow = false;
        String renameError = null;
        for (long next = start; next < end; next += pauseNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inWindow && System.nanoTime() >= measureFrom) {
                inWindow = true;
                measuring.set(nowMicros());
            }
            ObjectNode input = JSON.createObjectNode().put("productId", productId).put("name", "Stream probe " + sent);
            String error = gql.call(GraphQl.body(RENAME, input), sellerToken);
            sent++;
            if (error != null && renameError == null) {
                renameError = error;
            }
            if (inWindow) {
                sentMeasured++;
            }
        }
        measuredUntil.set(nowMicros() + 5_000_000); // events of the window that are still on their way
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        socket.sendText("{\"id\":\"1\",\"type\":\"complete\"}", true);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        long missing = Math.max(0, sent - received.get());
        long requests = latencies.getTotalCount();
        String firstError = failure.get() != null ? failure.get()
                : renameError != null ? renameError
                : missing > 0 ? missing + " of " + sent + " renames never arrived" : null;
        return new ScenarioResult(name, 1, requests, missing + (failure.get() != null ? 1 : 0), received.get(),
                measured.toNanos() / 1e9, latencies, firstError);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static final class Listener implements WebSocket.Listener {
        private final String productId;
        private final Histogram latencies;
        private final AtomicLong received;
        private final AtomicLong measuring;
        private final AtomicLong measuredUntil;
        private final AtomicReference<String> failure;
        private final CountDownLatch ready;
        private final StringBuilder text = new StringBuilder();
        volatile WebSocket socket;

        Listener(String productId, Histogram latencies, AtomicLong received, AtomicLong measuring,
                 AtomicLong measuredUntil, AtomicReference<String> failure, CountDownLatch ready) {
            this.productId = productId;
            this.latencies = latencies;
            this.received = received;
            this.measuring = measuring;
            this.measuredUntil = measuredUntil;
            this.failure = failure;
            this.ready = ready;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                long receivedAt = nowMicros();
                String message = text.toString();
                text.setLength(0);
                handle(webSocket, message, receivedAt);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        private void handle(WebSocket webSocket, String message, long receivedAt) {
            try {
                JsonNode root = JSON.readTree(message);
                switch (root.path("type").asText()) {
                    case "connection_ack" -> ready.countDown();
                    case "ping" -> webSocket.sendText("{\"type\":\"pong\"}", true);
                    case "next" -> {
                        JsonNode event = root.path("payload").path("data").path("events");
                        if (event.isMissingNode() || event.isNull()) {
                            failure.compareAndSet(null, "events subscription: " + message);
                            return;
                        }
                        if (!productId.equals(event.path("aggregateId").asText())) {
                            return;
                        }
                        received.incrementAndGet();
                        Instant occurred = Instant.parse(event.path("occurredAt").asText());
                        long latency = receivedAt - (occurred.getEpochSecond() * 1_000_000L + occurred.getNano() / 1_000);
                        if (receivedAt >= measuring.get() && receivedAt <= measuredUntil.get()) {
                            synchronized (latencies) {
                                latencies.recordValue(Math.max(1, latency));
                            }
                        }
                    }
                    case "error", "complete" -> failure.compareAndSet(null, "events subscription ended: " + message);
                    default -> {
                        // pong and anything newer: nothing to measure
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, "events subscription: unreadable message " + message);
            }
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failure.compareAndSet(null, "events subscription failed: " + error);
            ready.countDown();
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode != WebSocket.NORMAL_CLOSURE) {
                failure.compareAndSet(null, "events subscription closed: " + statusCode + " " + reason);
            }
            return null;
        }
    }
}
