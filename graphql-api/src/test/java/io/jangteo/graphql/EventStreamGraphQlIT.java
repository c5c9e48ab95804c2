package io.jangteo.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamGraphQlIT extends MemberTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void eventsReplaysThenFollowsLiveAndResumesWithoutGapOrDuplicate() throws Exception {
        long before = head();
        String shop = uniqueSeller();
        HttpGraphQlTester owner = seller(shop);
        Set<String> ours = ConcurrentHashMap.newKeySet();
        // stored events of this test's products: written before the subscription starts
        for (int i = 0; i < 3; i++) {
            ours.add((String) createProduct(owner, "Stored " + i, 1_000 + i).get("id"));
        }
        WebSocketGraphQlTester socket = socket(token("ANALYST", null));
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Map<String, Object>> first = new ArrayList<>();
        try {
            Disposable subscription = subscribe(socket, Map.of("aggregateTypes", List.of("Product")),
                    Map.of("afterPosition", before), received);
            // products created while the subscription replays: they land on either side of the seam
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writing.add(writers.submit(() -> {
                    for (int i = 0; i < 4; i++) {
                        ours.add((String) createProduct(owner, "Live " + writer + "-" + i, 2_000 + i).get("id"));
                    }
                }));
            }
            for (Future<?> f : writing) {
                f.get(60, TimeUnit.SECONDS);
            }
            int expected = storedEventsOf(ours);
            assertThat(ours).hasSize(11);
            while (ofOurs(first, ours) < expected) {
                Map<String, Object> next = received.poll(20, TimeUnit.SECONDS);
                assertThat(next).as("event %d of %d arrives", ofOurs(first, ours) + 1, expected).isNotNull();
                first.add(next);
            }
            // a live event after the replay caught up follows as well
            String late = (String) createProduct(owner, "After catching up", 3_000).get("id");
            ours.add(late);
            Map<String, Object> live;
            do {
                live = received.poll(20, TimeUnit.SECONDS);
                assertThat(live).as("the live event arrives").isNotNull();
                first.add(live);
            } while (!late.equals(live.get("aggregateId")));
            subscription.dispose();
            assertExactlyOnceInOrder(first, ours);
            long latencyMs = Duration.between(Instant.parse((String) live.get("occurredAt")), Instant.now()).toMillis();
            System.out.println("events subscription: live event received " + latencyMs
                    + " ms after it occurred (one sample, includes the command's round trip)");

            // disconnect half-way through and resume from the last position seen
            List<Map<String, Object>> firstHalf = new ArrayList<>(first.subList(0, first.size() / 2));
            long lastSeen = position(firstHalf.get(firstHalf.size() - 1));
            ours.add((String) createProduct(owner, "While away", 4_000).get("id"));
            BlockingQueue<Map<String, Object>> resumed = new LinkedBlockingQueue<>();
            Disposable again = subscribe(socket, Map.of("aggregateTypes", List.of("Product")),
                    Map.of("afterPosition", lastSeen), resumed);
            try {
                List<Map<String, Object>> combined = new ArrayList<>(firstHalf);
                int all = storedEventsOf(ours);
                while (ofOurs(combined, ours) < all) {
                    Map<String, Object> next = resumed.poll(20, TimeUnit.SECONDS);
                    assertThat(next).as("resumed event %d of %d arrives", ofOurs(combined, ours) + 1, all)
                            .isNotNull();
                    combined.add(next);
                }
                assertExactlyOnceInOrder(combined, ours);
            } finally {
                again.dispose();
            }
        } finally {
            writers.shutdownNow();
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void aCustomerMayNotSubscribeAndAnAnonymousCallerMustSignIn() {
        assertRefused(socket(token("CUSTOMER", null)), "FORBIDDEN");
        assertRefused(WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                new StandardWebSocketClient()).build(), "UNAUTHENTICATED");
    }

    @Test
    void aBadResumeTokenIsRefusedAsBadInput() {
        WebSocketGraphQlTester socket = socket(token("ANALYST", null));
        try {
            StepVerifier.create(socket.documentName("events").variable("from", Map.of("resumeToken", "nonsense"))
                            .executeSubscription().toFlux())
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(
                            SubscriptionErrorException.class, refused -> assertThat(refused.getErrors())
                                    .singleElement().satisfies(e -> assertThat(e.getExtensions())
                                            .containsEntry("code", "BAD_USER_INPUT"))))
                    .verify(Duration.ofSeconds(30));
        } finally {
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void analystsSeeNoPersonalDataAdminsDo() throws Exception {
        long before = head();
        String email = uniqueEmail("stream");
        String memberId = register(email, "김분석", "010-9876-5432");
        Map<String, Object> filter = Map.of("eventTypes", List.of("MemberRegistered"),
                "aggregateTypes", List.of("Member"));

        Map<String, Object> analystSees = registrationOf(memberId, token("ANALYST", null), filter, before);
        JsonNode payload = JSON.readTree((String) analystSees.get("payloadJson"));
        assertThat(payload.has("email")).isFalse();
        assertThat(payload.has("name")).isFalse();
        assertThat(payload.has("phone")).isFalse();
        assertThat(payload.path("memberId").path("value").asText()).isEqualTo(memberId);
        assertThat((String) analystSees.get("payloadJson")).doesNotContain(email, "김분석", "01098765432");
        assertThat(keys(analystSees)).contains("actorId", "requestId").doesNotContain("clientIp", "userAgent");

        Map<String, Object> adminSees = registrationOf(memberId, admin().accessToken(), filter, before);
        assertThat((String) adminSees.get("payloadJson")).contains(email, "김분석", "01098765432");
        assertThat(keys(adminSees)).contains("clientIp", "userAgent");
    }

    private Map<String, Object> registrationOf(String memberId, String token, Map<String, Object> filter,
                                               long after) throws InterruptedException {
        WebSocketGraphQlTester socket = socket(token);
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        Disposable subscription = subscribe(socket, filter, Map.of("afterPosition", after), received);
        try {
            while (true) {
                Map<String, Object> next = received.poll(20, TimeUnit.SECONDS);
                assertThat(next).as("the member's registration arrives").isNotNull();
                if (memberId.equals(next.get("aggregateId"))) {
                    assertThat(next.get("eventType")).isEqualTo("MemberRegistered");
                    return next;
                }
            }
        } finally {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Map<String, Object> event) {
        return ((List<Map<String, Object>>) event.get("metaData")).stream().map(e -> (String) e.get("key")).toList();
    }

    private void assertRefused(WebSocketGraphQlTester socket, String code) {
        try {
            StepVerifier.create(socket.documentName("events").executeSubscription().toFlux())
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(
                            SubscriptionErrorException.class, refused -> assertThat(refused.getErrors())
                                    .singleElement().satisfies(e -> assertThat(e.getExtensions())
                                            .containsEntry("code", code))))
                    .verify(Duration.ofSeconds(30));
        } finally {
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    /** Every event of our aggregates once, store order kept overall and each aggregate's events numbered 0, 1, ... */
    private void assertExactlyOnceInOrder(List<Map<String, Object>> events, Set<String> ours) {
        // positions are unique; they are not always increasing, since the embedded store numbers an event when its
        // transaction starts, so one that commits late arrives after events numbered higher
        assertThat(events).extracting(EventStreamGraphQlIT::position).doesNotHaveDuplicates();
        Map<String, List<Long>> sequences = new HashMap<>();
        for (Map<String, Object> event : events) {
            if (ours.contains((String) event.get("aggregateId"))) {
                sequences.computeIfAbsent((String) event.get("aggregateId"), k -> new ArrayList<>())
                        .add(((Number) event.get("sequenceNumber")).longValue());
            }
        }
        assertThat(sequences.keySet()).containsExactlyInAnyOrderElementsOf(ours);
        sequences.forEach((id, numbers) -> assertThat(numbers).as("events of %s", id)
                .isEqualTo(java.util.stream.LongStream.range(0, eventsOf(id).size()).boxed().toList()));
    }

    private int storedEventsOf(Set<String> ids) {
        return ids.stream().mapToInt(id -> eventsOf(id).size()).sum();
    }

    private static int ofOurs(List<Map<String, Object>> events, Set<String> ours) {
        return (int) events.stream().filter(e -> ours.contains((String) e.get("aggregateId"))).count();
    }

    private static long position(Map<String, Object> event) {
        return ((Number) event.get("position")).longValue();
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    @SuppressWarnings("unchecked")
    private static Disposable subscribe(WebSocketGraphQlTester socket, Map<String, Object> filter,
                                        Map<String, Object> from, BlockingQueue<Map<String, Object>> into) {
        return socket.documentName("events").variable("filter", filter).variable("from", from)
                .executeSubscription().toFlux()
                .subscribe(response -> into.add(response.path("events").entity(Map.class).get()));
    }

    private WebSocketGraphQlTester socket(String token) {
        return WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .headers(headers -> headers.setBearerAuth(token))
                .build();
    }
}
