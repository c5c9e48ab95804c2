package io.jangteo.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.query.shared.HistoryEntries;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.shared.PersonalData;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two states compared field by field. A document is flattened to paths ({@code phone}, {@code addresses[1].postcode})
 * with compact JSON values; a list of documents by index, a list of plain values as one value. An absent field, a null
 * and an empty list or document all read as absent, so the representation a handler happened to choose is no change.
 */
final class StateDiff {

    /** As the history shows payloads. */
    private static final ObjectMapper JSON = HistoryEntries.eventJson(new ObjectMapper());

    private StateDiff() {
    }

    static List<FieldChange> between(Document before, Document after, Set<String> bookkeeping) {
        Map<String, String> old = flatten(before, bookkeeping);
        Map<String, String> now = flatten(after, bookkeeping);
        List<FieldChange> changes = new ArrayList<>();
        now.forEach((path, value) -> {
            String was = old.get(path);
            if (!Objects.equals(was, value)) {
                changes.add(new FieldChange(path, was, value, false));
            }
        });
        old.forEach((path, was) -> {
            if (!now.containsKey(path)) {
                changes.add(new FieldChange(path, was, null, false));
            }
        });
        return changes;
    }

    /**
     * The changes as they may be shown once the data subject is erased: a personal field's values are gone (both
     * sides), and an event that carried personal data still says which fields it touched, though the state, erased,
     * shows no difference.
     */
    static List<FieldChange> erased(List<FieldChange> changes, Set<String> personalFields, Object payload) {
        List<FieldChange> marked = new ArrayList<>();
        for (FieldChange change : changes) {
            marked.add(personalFields.contains(root(change.field()))
                    ? new FieldChange(change.field(), null, null, true) : change);
        }
        if (payload != null && payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                String name = component.getName();
                boolean listed = marked.stream().anyMatch(change -> root(change.field()).equals(name));
                if (component.isAnnotationPresent(PersonalData.class) && !listed) {
                    marked.add(new FieldChange(name, null, null, true));
                }
            }
        }
        return marked;
    }

    /** What an event of an aggregate without a replay says: its payload's top-level fields, as new values. */
    static List<FieldChange> payloadFields(Object payload) {
        List<FieldChange> changes = new ArrayList<>();
        if (payload == null) {
            return changes;
        }
        JsonNode tree;
        try {
            tree = JSON.valueToTree(payload);
        } catch (RuntimeException e) {
            return changes;
        }
        if (!tree.isObject()) {
            changes.add(new FieldChange("payload", null, tree.toString(), false));
            return changes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            changes.add(new FieldChange(field.getKey(), null, value == null || value.isNull() ? null
                    : value.toString(), false));
        }
        return changes;
    }

    static String root(String path) {
        int end = path.length();
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        if (dot >= 0) {
            end = dot;
        }
        if (bracket >= 0 && bracket < end) {
            end = bracket;
        }
        return path.substring(0, end);
    }

    static Map<String, String> flatten(Document document, Set<String> bookkeeping) {
        Map<String, String> paths = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((key, value) -> {
                if (!"_id".equals(key) && !bookkeeping.contains(key)) {
                    flatten(key, value, paths);
                }
            });
        }
        return paths;
    }

    private static void flatten(String path, Object value, Map<String, String> paths) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> flatten(path + "." + key, inner, paths));
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return;
            }
            if (list.stream().anyMatch(element -> element instanceof Map<?, ?> || element instanceof List<?>)) {
                for (int i = 0; i < list.size(); i++) {
                    flatten(path + "[" + i + "]", list.get(i), paths);
                }
            } else {
                paths.put(path, json(list).toString());
            }
        } else {
            paths.put(path, json(value).toString());
        }
    }

    private static JsonNode json(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof List<?> list) {
            var array = nodes.arrayNode();
            list.forEach(element -> array.add(json(element)));
            return array;
        }
        if (value instanceof Date date) {
            return nodes.textNode(date.toInstant().toString());
        }
        if (value instanceof Decimal128 decimal) {
            return nodes.numberNode(decimal.bigDecimalValue());
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return JSON.valueToTree(value);
        }
        return nodes.textNode(value.toString());
    }
}
