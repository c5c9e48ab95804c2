package io.jangteo.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code ProductCreated} revision 1 ({@code productId, sellerId, name, price}) to revision 2: the price becomes the
 * base price of a product without options whose one default variant costs exactly that, with no description, brand,
 * category or tags. Stock was not recorded in revision 1, so the default variant starts with none.
 */
public class ProductCreatedUpcaster extends SingleEventUpcaster {

    /** The stored type name, not {@code ProductCreated.class.getName()}: a later move of the class must not change it. */
    static final String TYPE = "io.jangteo.messages.catalog.ProductCreated";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");
    /** {@code VariantId.DEFAULT}, as stored; spelled out for the same reason as {@link #TYPE}. */
    private static final String DEFAULT_VARIANT_ID = "default";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, ProductCreatedUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode revision1) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode event = revision1.deepCopy();
        JsonNode price = event.remove("price");
        event.put("description", "");
        event.putNull("brand");
        event.putNull("categoryId");
        event.set("tags", json.arrayNode());
        event.set("basePrice", price);
        event.set("options", json.arrayNode());

        ObjectNode variant = json.objectNode();
        variant.set("variantId", json.objectNode().put("value", DEFAULT_VARIANT_ID));
        variant.putNull("sku");
        variant.set("optionValues", json.arrayNode());
        variant.set("priceDelta", json.objectNode().put("amount", 0).set("currency", price.get("currency")));
        variant.put("weightGrams", 0);
        variant.put("status", "ACTIVE");
        event.set("variants", json.arrayNode().add(variant));
        return event;
    }
}
