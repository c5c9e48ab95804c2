package io.jangteo.axon.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.crypto.AEADBadTagException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event serializer: Jackson, except that each non-null {@code @PersonalData} property of an event is stored as
 * {@code {"$pd": "<base64 of version | IV | AES-256-GCM ciphertext of the value's JSON>"}}, sealed with its
 * {@code @DataSubject}'s own key. Everything else (events without personal data, metadata, tokens) takes the plain
 * Jackson path and is byte for byte what it was before.
 * <p>
 * The associated data is subject and property name: a sealed value copied into another member's event, or onto
 * another property, fails to open instead of passing for that member's data. Once the subject's key is destroyed,
 * sealed values read as {@code null}, and new events of that subject are written with {@code null} in their place:
 * no key is ever made again for an erased member.
 * <p>
 * Upcasters see sealed values as opaque {@code $pd} objects. They may move the event to a new type or revision and
 * change non-personal properties, but must not rename a personal property: its name is part of what was sealed.
 */
final class PersonalDataSerializer implements org.axonframework.serialization.Serializer {

    static final String SEALED = "$pd";

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final PersonalDataKeys keys;
    private final ClassValue<Optional<PersonalRecord>> byClass = new ClassValue<>() {
        @Override
        protected Optional<PersonalRecord> computeValue(Class<?> type) {
            return Optional.ofNullable(PersonalRecord.of(type, mapper));
        }
    };
    // resolving a stored type name loads the class by name; events come in few types, read many times
    private final Map<String, Optional<PersonalRecord>> byTypeName = new ConcurrentHashMap<>();

    PersonalDataSerializer(JacksonSerializer delegate, PersonalDataKeys keys) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Optional<PersonalRecord> personal = object == null ? Optional.empty() : byClass.get(object.getClass());
        if (personal.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        PersonalRecord shape = personal.get();
        try {
            ObjectNode tree = mapper.valueToTree(object);
            String subject = shape.subjectOf(object);
            KeyState key = null;
            for (String property : shape.personalProperties()) {
                JsonNode value = tree.get(property);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (key == null) {
                    // only now: an event whose personal values are all null needs no key, and makes none
                    key = keys.forWriting(subject);
                }
                tree.set(property, key instanceof KeyState.Live live
                        ? sealed(live, subject, property, value)
                        : NullNode.instance);
            }
            byte[] bytes = mapper.writeValueAsBytes(tree);
            T data = delegate.getConverter().convert(bytes, byte[].class, expectedRepresentation);
            return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
        } catch (JsonProcessingException e) {
            throw new SerializationException("Unable to serialize object", e);
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Optional<PersonalRecord> personal = byTypeName.computeIfAbsent(serializedObject.getType().getName(),
                name -> byClass.get(classForType(serializedObject.getType())));
        if (personal.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode stored = delegate.getConverter().convert(serializedObject, JsonNode.class).getData();
        JsonNode opened = opened(stored, personal.get());
        return delegate.deserialize(new SimpleSerializedObject<>(opened, JsonNode.class, serializedObject.getType()));
    }

    /**
     * Every sealed top-level property is opened, not only those marked personal today: a property that stops being
     * personal in a later version of the class still reads back.
     */
    private JsonNode opened(JsonNode stored, PersonalRecord shape) {
        if (!(stored instanceof ObjectNode event)) {
            return stored;
        }
        ObjectNode opened = null;
        String subject = null;
        KeyState key = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = event.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!isSealed(field.getValue())) {
                continue;
            }
            if (opened == null) {
                // a copy: the tree may be an upcaster's, and another reader of this event may see it again
                opened = event.objectNode().setAll(event);
                subject = subjectOf(event, shape);
                key = keys.forReading(subject);
            }
            opened.set(field.getKey(), key instanceof KeyState.Live live
                    ? open(live, subject, field.getKey(), field.getValue().get(SEALED).textValue(), shape)
                    : NullNode.instance);
        }
        return opened == null ? stored : opened;
    }

    private JsonNode sealed(KeyState.Live key, String subject, String property, JsonNode value)
            throws JsonProcessingException {
        byte[] sealed = AesGcm.seal(key.key(), mapper.writeValueAsBytes(value),
                AesGcm.associatedData(subject, property));
        return mapper.createObjectNode().set(SEALED, TextNode.valueOf(Base64.getEncoder().encodeToString(sealed)));
    }

    private JsonNode open(KeyState.Live key, String subject, String property, String sealed, PersonalRecord shape) {
        try {
            byte[] plaintext = AesGcm.open(key.key(), Base64.getDecoder().decode(sealed),
                    AesGcm.associatedData(subject, property));
            return mapper.readTree(plaintext);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new PersonalDataCorruptedException("The sealed " + property + " of a " + shape.type().getName()
                    + " of " + subject + " does not open with that subject's key: the stored event or its key was "
                    + "altered", e);
        } catch (IOException e) {
            throw new PersonalDataCorruptedException("The sealed " + property + " of a " + shape.type().getName()
                    + " of " + subject + " opened but is not JSON", e);
        }
    }

    private String subjectOf(ObjectNode event, PersonalRecord shape) {
        try {
            return shape.subjectOf(event, mapper);
        } catch (Exception e) {
            throw new PersonalDataCorruptedException("A stored " + shape.type().getName()
                    + " holds sealed personal data but its data subject cannot be read", e);
        }
    }

    private static boolean isSealed(JsonNode value) {
        return value.isObject() && value.size() == 1 && value.path(SEALED).isTextual();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
