package io.jangteo.axon.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.IdentityVerified;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The axon-config wiring as the application runs it in embedded mode (the JDBC event store on an H2 file, the
 * in-process MongoDB server for keys, tokens and dead letters, Axon's Spring Boot auto-configuration), with no
 * application code: what reaches the event table, and what the erasure processor does with a withdrawal.
 */
@SpringBootTest(classes = PersonalDataEventStoreTest.EmbeddedAxon.class, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson",
        "axon.serializer.events=jackson",
        "axon.serializer.messages=jackson",
        "axon.update-check.disabled=true",
        "jangteo.processing.token-claim-interval=200ms"
})
class PersonalDataEventStoreTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan("io.jangteo.axon")
    static class EmbeddedAxon {

        /** The application's web starter brings Spring Boot's mapper, which Axon then picks up; this module has none. */
        @Bean
        ObjectMapper jacksonObjectMapper() {
            return KeyStoreSupport.bootLikeMapper();
        }
    }

    static final Path DATA_DIR = temporaryDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("jangteo.data-dir", DATA_DIR::toString);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource eventStoreDataSource;
    @Autowired
    PersonalDataKeys personalDataKeys;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    MongoDatabase readStoreDatabase;
    @Autowired
    @Qualifier("eventProcessingDefaults")
    ConfigurerModule eventProcessingDefaults;

    @Test
    void theEventSerializerIsTheOneAxonUsesForEventsWhileTheGeneralOneStaysJackson() {
        assertThat(eventSerializer).isInstanceOf(PersonalDataSerializer.class);
        assertThat(axon.eventSerializer()).isSameAs(eventSerializer);
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.serializer()).isSameAs(serializer);
    }

    @Test
    void personalDataIsSealedInTheEventTableAndReadBackInClear() throws Exception {
        MemberId member = newMember();
        List<Object> events = List.of(registered(member), addressAdded(member), identityVerified(member));

        append(member, events);

        String stored = String.join("\n", storedPayloads(member));
        assertThat(stored).contains("$pd", "\"provider\":\"PASS\"")
                .doesNotContain("minji", "김민지", "2345-6789", "06236", "테헤란로", "1994", "9f2c6a0e5b");
        assertThat(payloads(member)).isEqualTo(events);
    }

    @Test
    void aWithdrawalErasesTheMembersPersonalDataFromEveryStoredEvent() {
        MemberId member = newMember();
        MemberId neighbour = newMember();
        append(member, List.of(registered(member), addressAdded(member)));
        append(neighbour, List.of(registered(neighbour)));

        append(member, List.of(new MemberWithdrawn(member, "moving abroad")), 2);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(personalDataKeys.isErased(member.value())).isTrue());
        assertThat(payloads(member)).containsExactly(
                new MemberRegistered(member, null, null, null, ActorRole.CUSTOMER, true, false),
                new AddressAdded(member, AddressId.of("a-1"), null, true, null),
                new MemberWithdrawn(member, "moving abroad"));
        assertThat(payloads(neighbour)).containsExactly(registered(neighbour));
        Instant withdrawnAt = eventStore.readEvents(member.value()).asStream()
                .reduce((first, second) -> second).orElseThrow().getTimestamp();
        assertThat(readStoreDatabase.getCollection(PersonalDataKeys.COLLECTION)
                .find(Filters.eq("_id", member.value())).first().getDate("destroyedAt").toInstant())
                .as("erased as of the withdrawal, whenever the processor got to it")
                .isEqualTo(withdrawnAt.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void anEventAppendedAfterErasureIsStoredWithoutThePersonalData() throws Exception {
        MemberId member = newMember();
        append(member, List.of(registered(member), new MemberWithdrawn(member, "closing")));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(personalDataKeys.isErased(member.value())).isTrue());

        append(member, List.of(addressAdded(member)), 2);

        assertThat(storedPayloads(member).get(2)).contains("\"address\":null").doesNotContain("$pd", "테헤란로");
    }

    @Test
    void theErasureProcessorIsATrackingProcessorWithoutDeadLetters() {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();

        assertThat(processing.eventProcessor(PersonalDataErasure.PROCESSING_GROUP, TrackingEventProcessor.class))
                .isPresent();
        assertThat(processing.deadLetterQueue(PersonalDataErasure.PROCESSING_GROUP)).isEmpty();
        assertThat(projectDeadLetterProvider().eventProcessingConfiguration()
                .deadLetterQueue(PersonalDataErasure.PROCESSING_GROUP)).isEmpty();
    }

    @Test
    void aDeadLetteredMemberEventKeepsItsPersonalDataSealed() {
        MemberId member = newMember();
        MemberRegistered registered = registered(member);
        EventMessage<MemberRegistered> event = new GenericDomainEventMessage<>("Member", member.value(), 0,
                registered);
        SequencedDeadLetterQueue<EventMessage<?>> queue = projectDeadLetterProvider().eventProcessingConfiguration()
                .deadLetterQueue("member-profile").orElseThrow();

        queue.enqueue(member.value(),
                new GenericDeadLetter<>(member.value(), event, new IllegalStateException("projection down")));

        List<String> stored = new ArrayList<>();
        readStoreDatabase.getCollection("axon_dead_letters").find().forEach(d -> stored.add(d.toJson()));
        assertThat(stored).isNotEmpty().noneMatch(d -> d.contains("minji") || d.contains("2345-6789"));
        assertThat(queue.deadLetters()).singleElement().satisfies(sequence -> assertThat(sequence)
                .singleElement().satisfies(letter -> assertThat(letter.message().getPayload()).isEqualTo(registered)));
    }

    /**
     * The project's processing defaults on their own. In embedded mode Axon's JDBC auto-configuration registers a
     * dead-letter provider of its own after them, which gives no group a queue unless configured per group; in
     * scale-out (no DataSource) the project's provider is the one in force.
     */
    private org.axonframework.config.Configuration projectDeadLetterProvider() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        eventProcessingDefaults.configureModule(configurer);
        return configurer.buildConfiguration();
    }

    private void append(MemberId member, List<Object> payloads) {
        append(member, payloads, 0);
    }

    private void append(MemberId member, List<Object> payloads, long firstSequence) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("Member", member.value(), firstSequence + i, payloads.get(i)));
        }
        eventStore.publish(messages);
    }

    private List<Object> payloads(MemberId member) {
        return eventStore.readEvents(member.value()).asStream().map(e -> (Object) e.getPayload()).toList();
    }

    private List<String> storedPayloads(MemberId member) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = eventStoreDataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT payload FROM DomainEventEntry "
                     + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            query.setString(1, member.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                }
            }
        }
        return payloads;
    }

    private static MemberId newMember() {
        return MemberId.of("m-" + UUID.randomUUID());
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

    private static Path temporaryDataDir() {
        try {
            Path dir = Files.createTempDirectory("jangteo-privacy-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
