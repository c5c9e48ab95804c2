package io.jangteo.axon.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jangteo.axon.upcasting.ProductCreatedUpcaster;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.IdentityVerified;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event serializer on its own, with a real key store behind it. */
class PersonalDataSerializerTest {

    private static final MemberId MEMBER = MemberId.of("m-0001");
    private static final MemberId OTHER_MEMBER = MemberId.of("m-0002");

    private final KeyStoreSupport store = new KeyStoreSupport();
    private final PersonalDataKeys keys = store.node();
    private final PersonalDataSerializer serializer = KeyStoreSupport.serializer(keys);
    private final JacksonSerializer plain = KeyStoreSupport.plainJackson();

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static MemberRegistered registered(MemberId member) {
        return new MemberRegistered(member, "minji.kim@example.com", "김민지", "010-2345-6789", ActorRole.CUSTOMER,
                true, false);
    }

    private static AddressAdded addressAdded(MemberId member) {
        return new AddressAdded(member, AddressId.of("a-1"), Address.korean("집", "김민지", "010-2345-6789",
                "06236", "서울특별시 강남구 테헤란로 152", "101동 1203호"), true, null);
    }

    private static IdentityVerified identityVerified(MemberId member) {
        return new IdentityVerified(member, VerificationId.of("v-1"), "PASS", "김민지", LocalDate.of(1994, 3, 7),
                PhoneCarrier.SKT, "010-2345-6789", "9f2c6a0e5b", true);
    }

    @Test
    void memberEventsReadBackAsTheyWereWritten() {
        for (Object event : List.of(registered(MEMBER), addressAdded(MEMBER), identityVerified(MEMBER))) {
            assertThat((Object) serializer.deserialize(serializer.serialize(event, byte[].class))).isEqualTo(event);
        }
    }

    @Test
    void storedBytesHoldNoPersonalValueInClear() {
        String stored = stored(registered(MEMBER)) + stored(addressAdded(MEMBER)) + stored(identityVerified(MEMBER));

        assertThat(stored).doesNotContain("minji", "김민지", "2345", "06236", "테헤란로", "1203", "1994", "9f2c6a0e5b");
        // what is not personal stays readable for anyone looking at the store
        assertThat(stored).contains("\"memberId\":{\"value\":\"m-0001\"}", "\"role\":\"CUSTOMER\"",
                "\"addressId\":{\"value\":\"a-1\"}", "\"provider\":\"PASS\"", "\"carrier\":\"SKT\"",
                "\"adult\":true", "\"madeDefault\":true");
    }

    @Test
    void eachPersonalValueIsStoredAsOneSealedObject() throws Exception {
        JsonNode stored = plain.getObjectMapper().readTree(stored(identityVerified(MEMBER)));

        for (String property : List.of("name", "birthDate", "phone", "ciHash")) {
            JsonNode value = stored.get(property);
            assertThat(value.size()).as(property).isEqualTo(1);
            byte[] sealed = Base64.getDecoder().decode(value.get("$pd").textValue());
            assertThat(sealed[0]).as("format version of " + property).isEqualTo(AesGcm.VERSION);
        }
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentBytes() {
        // a fresh IV per value: equal names of two members (or one member twice) must not show as equal ciphertexts
        assertThat(stored(registered(MEMBER))).isNotEqualTo(stored(registered(MEMBER)));
    }

    @Test
    void nullPersonalValuesStayNullAndNeedNoKey() {
        MemberRegistered withoutPhone = new MemberRegistered(MEMBER, "a@example.com", "Kim", null,
                ActorRole.CUSTOMER, false, false);
        AddressAdded withoutAddress = new AddressAdded(OTHER_MEMBER, AddressId.of("a-2"), null, false, "import");

        assertThat((Object) serializer.deserialize(serializer.serialize(withoutPhone, byte[].class)))
                .isEqualTo(withoutPhone);
        assertThat(stored(withoutAddress)).contains("\"address\":null");
        assertThat((Object) serializer.deserialize(serializer.serialize(withoutAddress, byte[].class)))
                .isEqualTo(withoutAddress);
        assertThat(store.keyDocuments().countDocuments()).as("only the member with a value got a key").isEqualTo(1);
    }

    @Test
    void afterTheKeyIsDestroyedPersonalValuesReadAsNullAndTheRestStays() {
        SerializedObject<byte[]> registered = serializer.serialize(registered(MEMBER), byte[].class);
        SerializedObject<byte[]> address = serializer.serialize(addressAdded(MEMBER), byte[].class);
        SerializedObject<byte[]> identity = serializer.serialize(identityVerified(MEMBER), byte[].class);

        keys.destroy(MEMBER.value());

        assertThat((Object) serializer.deserialize(registered)).isEqualTo(
                new MemberRegistered(MEMBER, null, null, null, ActorRole.CUSTOMER, true, false));
        assertThat((Object) serializer.deserialize(address)).isEqualTo(
                new AddressAdded(MEMBER, AddressId.of("a-1"), null, true, null));
        assertThat((Object) serializer.deserialize(identity)).isEqualTo(
                new IdentityVerified(MEMBER, VerificationId.of("v-1"), "PASS", null, null, PhoneCarrier.SKT, null,
                        null, true));
    }

    @Test
    void erasingOneMemberLeavesAnotherMembersDataReadable() {
        SerializedObject<byte[]> mine = serializer.serialize(registered(MEMBER), byte[].class);
        SerializedObject<byte[]> theirs = serializer.serialize(registered(OTHER_MEMBER), byte[].class);

        keys.destroy(MEMBER.value());

        assertThat(((MemberRegistered) serializer.deserialize(mine)).email()).isNull();
        assertThat((Object) serializer.deserialize(theirs)).isEqualTo(registered(OTHER_MEMBER));
    }

    @Test
    void eventsWrittenAfterErasureStoreNullInsteadOfPersonalValues() {
        serializer.serialize(registered(MEMBER), byte[].class);
        keys.destroy(MEMBER.value());

        String stored = stored(addressAdded(MEMBER));

        assertThat(stored).contains("\"address\":null").doesNotContain("$pd", "테헤란로");
        assertThat(store.keyDocuments().find().first()).doesNotContainKey("key");
    }

    @Test
    void aMemberErasedBeforeTheirFirstPersonalEventNeverGetsAKey() {
        keys.destroy(MEMBER.value());

        assertThat(stored(registered(MEMBER))).contains("\"email\":null").doesNotContain("$pd");
        assertThat(store.keyDocuments().find().first()).doesNotContainKey("key");
    }

    @Test
    void aTamperedCiphertextIsReportedNotErased() throws Exception {
        ObjectNode stored = (ObjectNode) plain.getObjectMapper().readTree(stored(registered(MEMBER)));
        byte[] sealed = Base64.getDecoder().decode(stored.get("email").get("$pd").textValue());
        sealed[sealed.length - 20] ^= 1;
        stored.putObject("email").put("$pd", Base64.getEncoder().encodeToString(sealed));

        assertThatThrownBy(() -> serializer.deserialize(asStored(stored, MemberRegistered.class)))
                .isInstanceOf(PersonalDataCorruptedException.class)
                .hasMessageContaining("email").hasMessageContaining("m-0001");
    }

    @Test
    void aSealedValueMovedToAnotherPropertyDoesNotOpen() throws Exception {
        ObjectNode stored = (ObjectNode) plain.getObjectMapper().readTree(stored(registered(MEMBER)));
        stored.set("name", stored.get("email").deepCopy());

        assertThatThrownBy(() -> serializer.deserialize(asStored(stored, MemberRegistered.class)))
                .isInstanceOf(PersonalDataCorruptedException.class).hasMessageContaining("name");
    }

    @Test
    void aSealedValueCopiedIntoAnotherMembersEventDoesNotOpen() throws Exception {
        ObjectNode mine = (ObjectNode) plain.getObjectMapper().readTree(stored(registered(MEMBER)));
        ObjectNode theirs = (ObjectNode) plain.getObjectMapper().readTree(stored(registered(OTHER_MEMBER)));
        theirs.set("phone", mine.get("phone").deepCopy());

        assertThatThrownBy(() -> serializer.deserialize(asStored(theirs, MemberRegistered.class)))
                .isInstanceOf(PersonalDataCorruptedException.class).hasMessageContaining("m-0002");
    }

    @Test
    void sealedValuesOpenFromEveryRepresentationAxonHandsOver() {
        MemberRegistered event = registered(MEMBER);

        for (Class<?> representation : List.of(byte[].class, String.class, JsonNode.class)) {
            SerializedObject<?> serialized = serializer.serialize(event, representation);
            assertThat(serialized.getContentType()).isEqualTo(representation);
            assertThat((Object) serializer.deserialize(serialized)).as(representation.getSimpleName())
                    .isEqualTo(event);
        }
    }

    @Test
    void eventsWithoutPersonalDataAreTheBytesThePlainJacksonSerializerWrites() {
        List<Object> notPersonal = List.of(new SellerApproved(SellerId.of("s-1")),
                new ProductRenamed(ProductId.of("p-1"), SellerId.of("s-1"), "김치 1kg", "포기김치 1kg"),
                new MemberWithdrawn(MEMBER, "moving abroad"),
                MetaData.with("actorId", "m-0001").and("clientIp", "203.0.113.7"));

        for (Object value : notPersonal) {
            SerializedObject<byte[]> ours = serializer.serialize(value, byte[].class);
            SerializedObject<byte[]> theirs = plain.serialize(value, byte[].class);
            assertThat(ours.getData()).as(value.getClass().getSimpleName()).isEqualTo(theirs.getData());
            assertThat(ours.getType()).isEqualTo(theirs.getType());
            assertThat((Object) serializer.deserialize(theirs)).isEqualTo(value);
        }
        assertThat(store.keyDocuments().countDocuments()).isZero();
    }

    @Test
    void aPersonalEventKeepsItsTypeAndRevision() {
        assertThat(serializer.serialize(registered(MEMBER), byte[].class).getType())
                .isEqualTo(plain.serialize(registered(MEMBER), byte[].class).getType())
                .isEqualTo(new SimpleSerializedType(MemberRegistered.class.getName(), "1"));
    }

    @Test
    void upcastersSeeSealedValuesAsOpaqueAndTheyStillOpenAfterwards() {
        // a hypothetical revision 0 that lacked the SMS consent: the upcaster adds it, leaving sealed values alone
        String revision1 = stored(registered(MEMBER));
        String revision0 = revision1.replace(",\"smsMarketingConsent\":false", "");
        SingleEventUpcaster addSmsConsent = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return "0".equals(representation.getType().getRevision());
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(
                        new SimpleSerializedType(MemberRegistered.class.getName(), "1"), JsonNode.class,
                        json -> ((ObjectNode) json).put("smsMarketingConsent", true));
            }
        };

        Object read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                        Stream.of(entry(MemberRegistered.class.getName(), "0", revision0)), serializer,
                        new EventUpcasterChain(addSmsConsent))
                .asStream().findFirst().orElseThrow().getPayload();

        assertThat(revision0).doesNotContain("smsMarketingConsent");
        assertThat(read).isEqualTo(new MemberRegistered(MEMBER, "minji.kim@example.com", "김민지", "010-2345-6789",
                ActorRole.CUSTOMER, true, true));
    }

    @Test
    void productCreatedRevisionOneStillUpcastsThroughThisSerializer() {
        String revision1 = """
                {"productId":{"value":"p-1"},"sellerId":{"value":"s-1"},"name":"Kimchi 1kg",
                 "price":{"amount":12000,"currency":"KRW","negative":false}}""";

        ProductCreated read = (ProductCreated) EventStreamUtils.upcastAndDeserializeDomainEvents(
                        Stream.of(entry("io.jangteo.messages.catalog.ProductCreated", "1", revision1)), serializer,
                        new EventUpcasterChain(new ProductCreatedUpcaster()))
                .asStream().findFirst().orElseThrow().getPayload();

        assertThat(read.basePrice()).isEqualTo(Money.won(12_000));
        assertThat(read.variants()).singleElement().satisfies(v -> assertThat(v.priceDelta()).isEqualTo(Money.won(0)));
    }

    @Test
    void aRecordWithPersonalDataButNoSubjectIsRefused() {
        record Orphan(@io.jangteo.messages.shared.PersonalData String name) {
        }

        assertThatThrownBy(() -> serializer.serialize(new Orphan("Kim"), byte[].class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@DataSubject");
    }

    @Test
    void metaDataPassesThroughUnchanged() {
        MetaData metaData = MetaData.from(Map.of("actorId", "m-0001", "userAgent", "Mozilla/5.0"));

        SerializedObject<byte[]> serialized = serializer.serialize(metaData, byte[].class);

        assertThat(new String(serialized.getData(), StandardCharsets.UTF_8)).contains("Mozilla/5.0");
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(metaData);
    }

    private String stored(Object event) {
        return new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    private SerializedObject<byte[]> asStored(JsonNode json, Class<?> type) throws Exception {
        return new SimpleSerializedObject<>(plain.getObjectMapper().writeValueAsBytes(json), byte[].class,
                serializer.typeForClass(type));
    }

    private static DomainEventData<byte[]> entry(String type, String revision, String payload) {
        return new GenericDomainEventEntry<>("Member", "m-0001", 0, "e-" + type + revision,
                "2026-11-25T09:00:00Z", type, revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
