package io.jangteo.query.member;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.FindMemberHistoryQuery;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.query.shared.EmbeddedReadStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static io.jangteo.query.member.MemberFixtures.id;
import static io.jangteo.query.member.MemberFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** The package's beans come up from what the application provides: MongoDB, Axon's emitter and event store. */
class MemberBeansTest {

    private static EmbeddedReadStore readStore;

    private EmbeddedEventStore eventStore;
    private AnnotationConfigApplicationContext context;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        eventStore.publish(new GenericDomainEventMessage<>("Member", "m-1", 0, registered("m-1")));
        context = new AnnotationConfigApplicationContext();
        context.registerBean(MongoDatabase.class, readStore::freshDatabase);
        context.registerBean(QueryUpdateEmitter.class, () -> SimpleQueryUpdateEmitter.builder().build());
        context.registerBean(EventStore.class, () -> eventStore);
        context.scan(MemberQueryHandler.class.getPackageName());
    }

    @AfterEach
    void tearDown() {
        context.close();
        eventStore.shutDown();
    }

    @Test
    void withoutAnApplicationObjectMapperTheHistoryMakesItsOwn() {
        context.refresh();

        MemberQueryHandler handler = context.getBean(MemberQueryHandler.class);

        assertThat(context.getBean(MemberDirectoryProjection.class)).isNotNull();
        assertThat(handler.find(new FindMemberQuery(id("m-1")))).isEmpty();
        assertThat(handler.find(new FindMemberHistoryQuery(id("m-1"), 1, null)).items().get(0).payloadJson())
                .contains("\"emailMarketingConsent\":true");
    }

    @Test
    void theHistoryWritesJsonWithTheApplicationsObjectMapper() {
        context.registerBean(ObjectMapper.class,
                () -> new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        context.refresh();

        assertThat(context.getBean(MemberQueryHandler.class)
                .find(new FindMemberHistoryQuery(id("m-1"), 1, null)).items().get(0).payloadJson())
                .contains("\"email_marketing_consent\":true");
    }
}
