package io.jangteo.graphql.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.graphql.alerts.AlertProperties.Notifier;
import io.jangteo.graphql.alerts.AlertProperties.NotifierType;
import io.jangteo.messages.alerts.IncidentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MessageFormatsTest {

    private static final String TEXT = "[FIRING] error-rate on node-1: value 0.8000, threshold 0.5000, window PT5M,"
            + " started 2026-12-01T00:00:00Z";
    private static final AlertMessage FIRING = new AlertMessage("incident-1", "error-rate", "",
            IncidentStatus.FIRING, 0.8, 0.5, "PT5M", "node-1", Instant.parse("2026-12-01T00:00:00Z"), null,
            "http://console/graphiql");

    @Test
    void slackGetsMrkdwnTextWithALink() {
        Notifier slack = new Notifier(NotifierType.SLACK, "https://hooks.slack.com/services/T/B/secret", null, null,
                null);
        assertThat(MessageFormats.body(slack, FIRING))
                .isEqualTo("{\"text\":\"" + TEXT + "\\n<http://console/graphiql|Open in console>\"}");
    }

    @Test
    void discordGetsContentOfAtMost2000Characters() throws Exception {
        Notifier discord = new Notifier(NotifierType.DISCORD, "https://discord.com/api/webhooks/1/secret", null, null,
                null);
        assertThat(MessageFormats.body(discord, FIRING))
                .isEqualTo("{\"content\":\"" + TEXT + "\\nhttp://console/graphiql\"}");

        AlertMessage longLink = new AlertMessage("i", "r", "", IncidentStatus.FIRING, 1, 0, "PT1M", "n",
                FIRING.startedAt(), null, "http://x/" + "a".repeat(3000));
        String content = new ObjectMapper().readTree(MessageFormats.body(discord, longLink)).get("content").asText();
        assertThat(content).hasSize(MessageFormats.DISCORD_LIMIT).endsWith("aaa…");
    }

    @Test
    void telegramGetsChatIdTextAndNoPreview() {
        Notifier telegram = new Notifier(NotifierType.TELEGRAM, null, "123:bot-secret", "-1001", null);
        assertThat(MessageFormats.body(telegram, FIRING)).isEqualTo("{\"chat_id\":\"-1001\",\"text\":\"" + TEXT
                + "\\nhttp://console/graphiql\",\"disable_web_page_preview\":true}");
        assertThat(telegram.target().toString()).isEqualTo("https://api.telegram.org/bot123:bot-secret/sendMessage");
    }

    @Test
    void theGenericWebhookGetsEveryFieldByName() {
        Notifier webhook = new Notifier(NotifierType.WEBHOOK, "https://ops.example/hook?token=secret", null, null,
                null);
        AlertMessage resolved = new AlertMessage("incident-1", "processor-lag", "orders", IncidentStatus.RESOLVED,
                2, 60, "PT2M", "node-1", Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:05:00Z"), "http://console/graphiql");
        assertThat(MessageFormats.body(webhook, resolved)).isEqualTo("{\"rule\":\"processor-lag\",\"subject\":\"orders\","
                + "\"status\":\"RESOLVED\",\"value\":2.0,\"threshold\":60.0,\"window\":\"PT2M\",\"instance\":\"node-1\","
                + "\"startedAt\":\"2026-12-01T00:00:00Z\",\"resolvedAt\":\"2026-12-01T00:05:00Z\","
                + "\"link\":\"http://console/graphiql\"}");
    }

    @Test
    void secretsNeverAppearInToString() {
        Notifier slack = new Notifier(NotifierType.SLACK, "https://hooks.slack.com/services/T0/B0/slack-secret", null,
                null, null);
        Notifier telegram = new Notifier(NotifierType.TELEGRAM, null, "123:bot-secret", "-1001",
                "http://127.0.0.1:9999");
        Notifier webhook = new Notifier(NotifierType.WEBHOOK, "https://ops.example/hook?token=hook-secret", null, null,
                null);
        String all = String.join(" ", slack.toString(), telegram.toString(), webhook.toString());

        assertThat(all).doesNotContain("slack-secret", "bot-secret", "hook-secret", "T0/B0")
                .contains("SLACK", "hooks.slack.com", "TELEGRAM", "-1001", "WEBHOOK");
    }
}
