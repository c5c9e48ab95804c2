package io.jangteo.graphql.alerts;

import com.sun.net.httpserver.HttpServer;
import io.jangteo.graphql.alerts.AlertProperties.Delivery;
import io.jangteo.graphql.alerts.AlertProperties.Notifier;
import io.jangteo.graphql.alerts.AlertProperties.NotifierType;
import io.jangteo.messages.alerts.IncidentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlertDispatcherTest {

    private static final AlertMessage MESSAGE = new AlertMessage("incident-1", "error-rate", "",
            IncidentStatus.FIRING, 0.8, 0.5, "PT5M", "node-1", Instant.parse("2026-12-01T00:00:00Z"), null, "http://c");

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final AlertDispatcher.Outcome recorder = new AlertDispatcher.Outcome() {
        @Override
        public void delivered(AlertMessage message, String notifier, int attempts) {
            outcomes.add("delivered " + notifier + " " + attempts);
        }

        @Override
        public void failed(AlertMessage message, String notifier, int attempts, String error) {
            outcomes.add("failed " + notifier + " " + attempts + " " + error);
        }
    };

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aMessengerThatNeverAcceptsIsTriedMaxAttemptsTimesThenRecordedAsFailed() {
        Notifier webhook = new Notifier(NotifierType.WEBHOOK,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=s3cret", null, null, null);
        try (AlertDispatcher dispatcher = new AlertDispatcher(List.of(webhook),
                new Delivery(3, Duration.ofMillis(20), Duration.ofSeconds(2), 10), recorder)) {
            long start = System.nanoTime();
            dispatcher.send(MESSAGE);
            System.out.printf("alerts: send() returned in %.2f ms%n", (System.nanoTime() - start) / 1e6);

            await().atMost(Duration.ofSeconds(10)).until(() -> !outcomes.isEmpty());
            assertThat(outcomes).containsExactly("failed webhook#0 3 HTTP 500");
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void anUnreachableMessengerFailsWithoutQuotingItsUrl() {
        server.stop(0);
        Notifier telegram = new Notifier(NotifierType.TELEGRAM, null, "123:bot-s3cret", "-1",
                "http://127.0.0.1:" + server.getAddress().getPort());
        try (AlertDispatcher dispatcher = new AlertDispatcher(List.of(telegram),
                new Delivery(2, Duration.ofMillis(10), Duration.ofSeconds(2), 10), recorder)) {
            dispatcher.send(MESSAGE);

            await().atMost(Duration.ofSeconds(10)).until(() -> !outcomes.isEmpty());
            assertThat(outcomes).singleElement().asString().startsWith("failed telegram#0 2 ")
                    .doesNotContain("s3cret", "127.0.0.1");
        }
    }

    @Test
    void messagesBeyondTheQueueCapacityAreDroppedNotQueued() {
        Notifier webhook = new Notifier(NotifierType.WEBHOOK,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", null, null, null);
        try (AlertDispatcher dispatcher = new AlertDispatcher(List.of(webhook),
                new Delivery(2, Duration.ofMillis(300), Duration.ofSeconds(2), 2), recorder)) {
            for (int i = 0; i < 5; i++) {
                dispatcher.send(MESSAGE);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() >= 2);
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> outcomes.size() == 2);
            assertThat(calls).hasValue(4);
        }
    }
}
