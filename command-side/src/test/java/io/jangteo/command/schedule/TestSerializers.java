package io.jangteo.command.schedule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** Serializers as the application has them. */
public final class TestSerializers {

    private TestSerializers() {
    }

    /**
     * Axon's Jackson serializer on an object mapper that, like Spring Boot's, ignores unknown properties: records
     * such as {@code Money} write derived properties ({@code negative}) that have no constructor parameter.
     */
    public static Serializer likeTheApplication() {
        return JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .build();
    }
}
