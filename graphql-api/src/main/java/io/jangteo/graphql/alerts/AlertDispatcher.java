package io.jangteo.graphql.alerts;

import io.jangteo.graphql.alerts.AlertProperties.Delivery;
import io.jangteo.graphql.alerts.AlertProperties.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends messages to every notifier on its own thread, never a request's: a slow or failing messenger delays only other
 * messages. A failed try is retried with exponential back-off, scheduled rather than slept, so one notifier's retries
 * do not hold the others. The number of waiting messages is bounded; beyond it a message is dropped and logged.
 * Log lines name the notifier by type and position, never by URL or token.
 */
final class AlertDispatcher implements AutoCloseable {

    /** How one notifier fared with one message. */
    interface Outcome {
        void delivered(AlertMessage message, String notifier, int attempts);

        void failed(AlertMessage message, String notifier, int attempts, String error);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private final List<Notifier> notifiers;
    private final Delivery delivery;
    private final Outcome outcome;
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicInteger pending = new AtomicInteger();

    AlertDispatcher(List<Notifier> notifiers, Delivery delivery, Outcome outcome) {
        this.notifiers = List.copyOf(notifiers);
        this.delivery = delivery;
        this.outcome = outcome;
        this.http = HttpClient.newBuilder().connectTimeout(delivery.timeout()).build();
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "alerts-delivery");
            thread.setDaemon(true);
            return thread;
        });
    }

    static String name(Notifier notifier, int index) {
        return notifier.type().name().toLowerCase() + "#" + index;
    }

    void send(AlertMessage message) {
        for (int i = 0; i < notifiers.size(); i++) {
            Notifier notifier = notifiers.get(i);
            String name = name(notifier, i);
            if (pending.incrementAndGet() > delivery.queueCapacity()) {
                pending.decrementAndGet();
                LOG.warn("Alert queue full: dropped the {} message of {} for {}", message.status(), message.title(),
                        name);
                continue;
            }
            executor.execute(() -> attempt(notifier, name, message, 1));
        }
    }

    private void attempt(Notifier notifier, String name, AlertMessage message, int attempt) {
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(notifier.target())
                    .timeout(delivery.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MessageFormats.body(notifier, message)))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                pending.decrementAndGet();
                outcome.delivered(message, name, attempt);
                return;
            }
            error = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.decrementAndGet();
            return;
        } catch (Exception e) {
            // the exception's message may quote the URL, which holds the token: keep only its type
            error = e.getClass().getSimpleName();
        }
        if (attempt < delivery.maxAttempts() && !executor.isShutdown()) {
            long backoff = delivery.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
            LOG.info("Alert to {} failed ({}), try {} of {}; retrying in {} ms", name, error, attempt,
                    delivery.maxAttempts(), backoff);
            executor.schedule(() -> attempt(notifier, name, message, attempt + 1), backoff, TimeUnit.MILLISECONDS);
            return;
        }
        pending.decrementAndGet();
        LOG.warn("Alert to {} about {} ({}) failed after {} tries: {}", name, message.title(), message.status(),
                attempt, error);
        outcome.failed(message, name, attempt, error);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
