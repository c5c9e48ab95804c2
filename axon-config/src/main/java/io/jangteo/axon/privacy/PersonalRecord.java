package io.jangteo.axon.privacy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one event record carries personal data: the JSON property naming its subject and the JSON properties to seal.
 * JSON names come from the serializer's own mapper, so a naming strategy or {@code @JsonProperty} is honoured.
 */
record PersonalRecord(Class<?> type, String subjectProperty, Method subjectAccessor, List<String> personalProperties) {

    /** @return {@code null} for a class without personal data: the common case, serialized exactly as before */
    static PersonalRecord of(Class<?> type, ObjectMapper mapper) {
        if (!type.isRecord()) {
            return null;
        }
        List<RecordComponent> personal = new ArrayList<>();
        List<RecordComponent> subjects = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(component);
            }
            if (component.isAnnotationPresent(DataSubject.class)) {
                subjects.add(component);
            }
        }
        if (personal.isEmpty()) {
            return null;
        }
        if (subjects.size() != 1) {
            throw new IllegalStateException(type.getName() + " has personal data but " + subjects.size()
                    + " @DataSubject components; it needs exactly one to know whose key seals it");
        }
        Map<String, String> jsonNames = jsonNames(type, mapper);
        RecordComponent subject = subjects.get(0);
        String subjectProperty = jsonNames.get(subject.getName());
        if (subjectProperty == null) {
            throw new IllegalStateException(type.getName() + "." + subject.getName()
                    + " names the data subject but is not serialized");
        }
        // a personal component Jackson does not write is not stored, so there is nothing to seal
        List<String> personalProperties = personal.stream().map(c -> jsonNames.get(c.getName()))
                .filter(name -> name != null).toList();
        return new PersonalRecord(type, subjectProperty, subject.getAccessor(), personalProperties);
    }

    String subjectOf(Object event) {
        try {
            return String.valueOf(subjectAccessor.invoke(event));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read the data subject of " + type.getName(), e);
        }
    }

    /** As written: the subject is read back into its own type, so its {@code toString()} matches the writer's. */
    String subjectOf(JsonNode event, ObjectMapper mapper) throws Exception {
        JsonNode value = event.get(subjectProperty);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("no " + subjectProperty);
        }
        return String.valueOf(mapper.treeToValue(value, subjectAccessor.getReturnType()));
    }

    private static Map<String, String> jsonNames(Class<?> type, ObjectMapper mapper) {
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        Map<String, String> names = new HashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.couldSerialize()) {
                names.put(property.getInternalName(), property.getName());
            }
        }
        return names;
    }
}
