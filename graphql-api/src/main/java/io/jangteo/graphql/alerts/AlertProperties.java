package io.jangteo.graphql.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the alert engine ({@code jangteo.alerts.*}).
 *
 * @param enabled            evaluate the rules at all
 * @param evaluationInterval how often the metrics are sampled and the rules evaluated
 * @param instance           the name messages give this instance; the host name when blank
 * @param consoleUrl         base URL of this application as operators reach it, for links in messages
 * @param rules              the rules; enabled with no notifiers means evaluated and recorded, sent nowhere
 * @param notifiers          where messages go, all of them at once
 * @param delivery           retries and the queue in front of the notifiers
 */
@ConfigurationProperties("jangteo.alerts")
public record AlertProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("15s") Duration evaluationInterval,
                              String instance,
                              @DefaultValue("http://localhost:8080") String consoleUrl,
                              List<Rule> rules,
                              List<Notifier> notifiers,
                              @DefaultValue Delivery delivery) {

    public AlertProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        notifiers = notifiers == null ? List.of() : List.copyOf(notifiers);
        if (evaluationInterval.isNegative() || evaluationInterval.isZero()) {
            throw new IllegalArgumentException("jangteo.alerts.evaluation-interval must be positive");
        }
    }

    /**
     * @param threshold the condition holds when the measured value is above it (ratios 0–1, seconds, counts)
     * @param window    what the value is measured over: counter deltas, timer percentiles; a gauge must stay above
     *                  the threshold for the whole window
     * @param coolDown  after a resolution, a new incident of this rule is recorded but not sent before this passes
     * @param tags      narrows the meters read, e.g. {@code processor: order-summary} or {@code component: readStore}
     * @param minCount  ratio rules (error rate, payment failures) hold only from this many events in the window
     * @param link      where the message points (a dashboard); the admin alerts query in GraphiQL when blank
     */
    public record Rule(String name, RuleType type, double threshold,
                       Duration window, Duration coolDown, Map<String, String> tags,
                       Integer minCount, String link) {
        public Rule {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("jangteo.alerts.rules[].name is required");
            }
            if (type == null) {
                throw new IllegalArgumentException("jangteo.alerts.rules[" + name + "].type is required");
            }
            window = window == null ? Duration.ofMinutes(5) : window;
            coolDown = coolDown == null ? Duration.ofMinutes(15) : coolDown;
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            minCount = minCount == null ? 1 : minCount;
        }
    }

    /**
     * A messenger. {@code url} of Slack and Discord webhooks and the Telegram bot token are secrets: they never appear
     * in {@link #toString()}, logs, events or errors.
     *
     * @param apiBaseUrl Telegram's Bot API base, overridable for a local stand-in
     */
    public record Notifier(NotifierType type, String url, String botToken, String chatId,
                           String apiBaseUrl) {
        public Notifier {
            if (type == null) {
                throw new IllegalArgumentException("jangteo.alerts.notifiers[].type is required");
            }
            apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.telegram.org" : apiBaseUrl;
            if (type == NotifierType.TELEGRAM) {
                if (botToken == null || botToken.isBlank() || chatId == null || chatId.isBlank()) {
                    throw new IllegalArgumentException("a telegram notifier needs bot-token and chat-id");
                }
            } else if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("a " + type.name().toLowerCase() + " notifier needs a url");
            }
        }

        URI target() {
            return URI.create(type == NotifierType.TELEGRAM
                    ? apiBaseUrl.replaceAll("/+$", "") + "/bot" + botToken + "/sendMessage"
                    : url);
        }

        /** Scheme and host only: the path and query of a webhook URL carry its token. */
        String safeTarget() {
            try {
                URI uri = type == NotifierType.TELEGRAM ? URI.create(apiBaseUrl) : URI.create(url);
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + "/***";
            } catch (RuntimeException e) {
                return "***";
            }
        }

        @Override
        public String toString() {
            return "Notifier[type=" + type + ", target=" + safeTarget()
                    + (type == NotifierType.TELEGRAM ? ", botToken=***, chatId=" + chatId : "") + "]";
        }
    }

    /**
     * @param maxAttempts    tries per message and notifier, the first included
     * @param initialBackoff wait before the second try, doubled before each next one
     * @param timeout        how long one try may take
     * @param queueCapacity  messages waiting for delivery; beyond it the newest is dropped and logged
     */
    public record Delivery(@DefaultValue("5") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
                           @DefaultValue("10s") Duration timeout, @DefaultValue("1000") int queueCapacity) {
        public Delivery {
            if (maxAttempts < 1 || queueCapacity < 1 || initialBackoff.isNegative() || timeout.isNegative()
                    || timeout.isZero()) {
                throw new IllegalArgumentException("jangteo.alerts.delivery: max-attempts and queue-capacity must be"
                        + " at least 1, initial-backoff not negative, timeout positive");
            }
        }
    }

    public enum RuleType { ERROR_RATE, LATENCY_P99, PROCESSOR_LAG, DEAD_LETTERS, PAYMENT_FAILURES, MEDIA_FAILURES,
        HEALTH_DOWN }

    public enum NotifierType { SLACK, TELEGRAM, DISCORD, WEBHOOK }
}
