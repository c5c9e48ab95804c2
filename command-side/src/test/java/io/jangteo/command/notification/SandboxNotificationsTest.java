package io.jangteo.command.notification;

import io.jangteo.command.shared.RecordingLogger;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxNotificationsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant EXPIRES_AT = NOW.plus(Duration.ofMinutes(30));
    private static final String TOKEN = "prt_4f1c9a7e2b8d4e6f";

    private final RecordingLogger log = new RecordingLogger();
    private final SandboxNotifications notifications =
            new SandboxNotifications(Clock.fixed(NOW, ZoneOffset.UTC), log);

    @Test
    void recordsAPasswordResetMessage() {
        notifications.passwordReset("minji@example.com", TOKEN, EXPIRES_AT);

        assertThat(notifications.sent()).containsExactly(
                new SandboxNotifications.Sent("minji@example.com", TOKEN, EXPIRES_AT, NOW));
    }

    @Test
    void theLastMessageToAnAddressIsTheNewestWhateverItsCase() {
        notifications.passwordReset("minji@example.com", "first-token", EXPIRES_AT);
        notifications.passwordReset("junho@example.com", "other-token", EXPIRES_AT);
        notifications.passwordReset("Minji@Example.com", "second-token", EXPIRES_AT);

        assertThat(notifications.lastTo(" MINJI@example.com ")).map(SandboxNotifications.Sent::token)
                .contains("second-token");
        assertThat(notifications.lastTo("junho@example.com")).map(SandboxNotifications.Sent::token)
                .contains("other-token");
        assertThat(notifications.lastTo("nobody@example.com")).isEmpty();
        assertThat(notifications.lastTo(null)).isEmpty();
    }

    @Test
    void logsTheMessageWithoutItsToken() {
        notifications.passwordReset("minji@example.com", TOKEN, EXPIRES_AT);

        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.INFO);
            assertThat(line.message()).contains("m***@example.com", EXPIRES_AT.toString())
                    .doesNotContain(TOKEN).doesNotContain("minji");
        });
    }

    @Test
    void aRecordedMessageDoesNotPrintItsToken() {
        notifications.passwordReset("minji@example.com", TOKEN, EXPIRES_AT);

        assertThat(notifications.sent().get(0).toString()).doesNotContain(TOKEN).contains("minji@example.com");
    }

    @Test
    void keepsTheLastThousandMessages() {
        for (int i = 0; i <= SandboxNotifications.CAPACITY; i++) {
            notifications.passwordReset("member" + i + "@example.com", "token-" + i, EXPIRES_AT);
        }

        assertThat(notifications.sent()).hasSize(1_000);
        assertThat(notifications.sent().get(0).email()).isEqualTo("member1@example.com");
        assertThat(notifications.sent().get(999).email()).isEqualTo("member1000@example.com");
        assertThat(notifications.lastTo("member0@example.com")).isEmpty();
    }

    @Test
    void concurrentSendersLoseNoMessage() throws Exception {
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        notifications.passwordReset("member" + thread + "-" + i + "@example.com", "token", EXPIRES_AT);
                        notifications.lastTo("member" + thread + "-0@example.com").orElseThrow();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(notifications.sent()).hasSize(threads * perThread)
                .extracting(SandboxNotifications.Sent::email).doesNotHaveDuplicates();
    }

    @Test
    void isTheNotificationsBeanUnlessAnotherProviderIsConfigured() {
        try (var context = contextWith(Map.of())) {
            assertThat(context.getBean(Notifications.class)).isInstanceOf(SandboxNotifications.class);
        }
        try (var context = contextWith(Map.of("jangteo.notifications.provider", "smtp"))) {
            assertThat(context.getBeansOfType(Notifications.class)).isEmpty();
        }
    }

    private static AnnotationConfigApplicationContext contextWith(Map<String, Object> properties) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.scan(SandboxNotifications.class.getPackageName());
        context.refresh();
        return context;
    }
}
