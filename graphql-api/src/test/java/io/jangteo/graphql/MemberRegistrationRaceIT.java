package io.jangteo.graphql;

import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Registrations racing for one e-mail over HTTP: the set-based e-mail table lets exactly one win. */
class MemberRegistrationRaceIT extends MemberTestSupport {

    @RepeatedTest(3)
    @SuppressWarnings("unchecked")
    void twoConcurrentRegistrationsWithOneEmailGiveExactlyOneMember() throws Exception {
        String email = uniqueEmail("race");
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                // the same e-mail in different letter case: uniqueness ignores case
                String typed = i % 2 == 0 ? email : email.toUpperCase();
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return anonymous().documentName("registerMember")
                            .variable("input", Map.of("email", typed, "password", PASSWORD, "name", "경쟁자",
                                    "phone", "010-1111-2222"))
                            .execute().path("registerMember").entity(Map.class).get();
                }, pool));
            }
            start.countDown();
            List<Map<String, Object>> payloads = new ArrayList<>();
            for (CompletableFuture<Map<String, Object>> answer : answers) {
                payloads.add(answer.get());
            }
            assertThat(payloads).filteredOn(p -> ((List<?>) p.get("errors")).isEmpty()).hasSize(1);
            assertThat(payloads).filteredOn(p -> !((List<?>) p.get("errors")).isEmpty())
                    .hasSize(racers - 1)
                    .allSatisfy(p -> assertThat(((List<Map<String, Object>>) p.get("errors")).get(0))
                            .containsEntry("code", "DUPLICATE").containsEntry("field", List.of("input", "email")));
            assertThat(logIn(email, PASSWORD).memberId()).isEqualTo(payloads.stream()
                    .filter(p -> ((List<?>) p.get("errors")).isEmpty())
                    .map(p -> ((Map<String, Object>) p.get("member")).get("id")).findFirst().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }
}
