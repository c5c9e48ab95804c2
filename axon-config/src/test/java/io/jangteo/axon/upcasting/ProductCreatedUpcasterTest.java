package io.jangteo.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Through Axon's own read path (upcast, then deserialize) with the serializer the application uses for events. */
class ProductCreatedUpcasterTest {

    /** As the application wrote it: Jackson also writes Money's derived {@code isNegative()} as a property. */
    private static final String REVISION_1_PAYLOAD = """
            {"productId":{"value":"p-1"},"sellerId":{"value":"s-1"},"name":"Kimchi 1kg",
             "price":{"amount":12000,"currency":"KRW","negative":false}}""";

    // configured as Spring Boot configures the mapper Axon picks up: unknown (derived) properties are ignored on reading
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();
    private final EventUpcaster upcasters = new EventUpcasterChain(new ProductCreatedUpcaster());

    @Test
    void aRevisionOneProductCreatedIsReadAsAProductWithOneDefaultVariantAtThatPrice() {
        DomainEventMessage<?> read = readBack(stored(REVISION_1_PAYLOAD, "1"));

        assertThat(read.getPayload()).isEqualTo(new ProductCreated(ProductId.of("p-1"), SellerId.of("s-1"),
                "Kimchi 1kg", "", null, null, List.of(), Money.won(12_000), List.of(),
                List.of(new ProductVariant(VariantId.DEFAULT, null, List.of(), Money.won(0), 0,
                        VariantStatus.ACTIVE))));
    }

    @Test
    void theDefaultVariantsDeltaIsInThePricesCurrency() {
        String inDollars = REVISION_1_PAYLOAD.replace("\"amount\":12000,\"currency\":\"KRW\"",
                "\"amount\":999,\"currency\":\"USD\"");

        ProductCreated read = (ProductCreated) readBack(stored(inDollars, "1")).getPayload();

        assertThat(read.basePrice()).isEqualTo(Money.of(999, "USD"));
        assertThat(read.variants()).singleElement()
                .extracting(ProductVariant::priceDelta).isEqualTo(Money.of(0, "USD"));
    }

    @Test
    void theUpcastJsonIsWhatRevisionTwoWouldHaveWritten() throws Exception {
        // a field spelled differently would deserialize to null without complaint; compare with the serializer's own form
        ObjectMapper json = serializer.getObjectMapper();
        ProductCreated revision2 = new ProductCreated(ProductId.of("p-1"), SellerId.of("s-1"), "Kimchi 1kg", "",
                null, null, List.of(), Money.won(12_000), List.of(),
                List.of(new ProductVariant(VariantId.DEFAULT, null, List.of(), Money.won(0), 0, VariantStatus.ACTIVE)));
        SerializedObject<JsonNode> written = serializer.serialize(revision2, JsonNode.class);

        JsonNode upcast = ProductCreatedUpcaster.toRevision2(json.readTree(REVISION_1_PAYLOAD));

        assertThat(withoutDerived(upcast)).isEqualTo(withoutDerived(written.getData()));
        assertThat(written.getType().getRevision()).isEqualTo("2");
    }

    @Test
    void aRevisionTwoEventPassesUnchanged() {
        ProductCreated current = new ProductCreated(ProductId.of("p-2"), SellerId.of("s-1"), "Sweater", "Wool",
                "Brand", CategoryId.of("c-1"), List.of("winter"), Money.won(50_000),
                List.of(new OptionAxis("Size", List.of("S", "M"))),
                List.of(new ProductVariant(VariantId.of("v1"), "SW-S", List.of("S"), Money.won(0), 400,
                        VariantStatus.ACTIVE)));
        String written = new String(serializer.serialize(current, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(readBack(stored(written, "2")).getPayload()).isEqualTo(current);
    }

    /** Money's {@code negative} follows from its amount and is never read; whether it is written does not matter. */
    private static JsonNode withoutDerived(JsonNode node) {
        JsonNode copy = node.deepCopy();
        copy.findParents("negative").forEach(parent -> ((ObjectNode) parent).remove("negative"));
        return copy;
    }

    private static DomainEventData<byte[]> stored(String payload, String revision) {
        return new GenericDomainEventEntry<>("Product", "p-1", 0, "e-" + revision + payload.length(),
                "2025-06-01T00:00:00Z", ProductCreatedUpcaster.TYPE, revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private DomainEventMessage<?> readBack(DomainEventData<byte[]> stored) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcasters)
                .asStream().findFirst().orElseThrow();
    }
}
