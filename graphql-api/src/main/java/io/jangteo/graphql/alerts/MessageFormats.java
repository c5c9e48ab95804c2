package io.jangteo.graphql.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.graphql.alerts.AlertProperties.Notifier;

import java.util.LinkedHashMap;
import java.util.Map;

/** Each messenger's documented request body for a message. */
final class MessageFormats {

    /** Discord refuses longer content. */
    static final int DISCORD_LIMIT = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageFormats() {
    }

    static String body(Notifier notifier, AlertMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (notifier.type()) {
            case SLACK -> body.put("text", message.text() + "\n<" + message.link() + "|Open in console>");
            case DISCORD -> {
                String content = message.text() + "\n" + message.link();
                body.put("content", content.length() <= DISCORD_LIMIT ? content
                        : content.substring(0, DISCORD_LIMIT - 1) + "…");
            }
            case TELEGRAM -> {
                body.put("chat_id", notifier.chatId());
                body.put("text", message.text() + "\n" + message.link());
                body.put("disable_web_page_preview", true);
            }
            case WEBHOOK -> {
                body.put("rule", message.rule());
                body.put("subject", message.subject());
                body.put("status", message.status().name());
                body.put("value", message.value());
                body.put("threshold", message.threshold());
                body.put("window", message.window());
                body.put("instance", message.instance());
                body.put("startedAt", message.startedAt() == null ? null : message.startedAt().toString());
                body.put("resolvedAt", message.resolvedAt() == null ? null : message.resolvedAt().toString());
                body.put("link", message.link());
            }
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message body of strings and numbers always serializes", e);
        }
    }
}
