package io.jangteo.query.shared;

import io.jangteo.messages.shared.Money;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How shared values are stored: money as minor units plus currency, times as epoch milliseconds, so read-model
 * documents need no codec beyond the driver's defaults and compare the same in every MongoDB.
 */
public final class BsonValues {

    private BsonValues() {
    }

    public static Document money(Money money) {
        return money == null ? null : new Document("amount", money.amount()).append("currency", money.currency());
    }

    public static Money money(Document document) {
        return document == null ? null
                : new Money(((Number) document.get("amount")).longValue(), document.getString("currency"));
    }

    public static Money money(Document parent, String field) {
        return money(parent.get(field, Document.class));
    }

    public static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    public static Instant instant(Document document, String field) {
        Object value = document.get(field);
        return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
    }

    public static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static List<String> strings(Document document, String field) {
        List<?> values = document.get(field, List.class);
        if (values == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>(values.size());
        for (Object value : values) {
            strings.add((String) value);
        }
        return strings;
    }

    public static <T> List<T> documents(Document document, String field, Function<Document, T> mapper) {
        List<?> values = document.get(field, List.class);
        if (values == null) {
            return List.of();
        }
        List<T> mapped = new ArrayList<>(values.size());
        for (Object value : values) {
            mapped.add(mapper.apply((Document) value));
        }
        return mapped;
    }

    public static <E extends Enum<E>> E enumValue(Document document, String field, Class<E> type) {
        String value = document.getString(field);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
