package io.jangteo.query.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.order.FindOrderHistoryQuery;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.shared.Viewer;
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

import static io.jangteo.query.order.OrderFixtures.id;
import static io.jangteo.query.order.OrderFixtures.placed;
import static org.assertj.core.api.Assertions.assertThat;

/** The package's beans come up from what the application provides: MongoDB, Axon's emitter and event store. */
class OrderBeansTest {

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
        eventStore.publish(new GenericDomainEventMessage<>("Order", "o-1", 0, placed("o-1")));
        context = new AnnotationConfigApplicationContext();
        context.registerBean(MongoDatabase.class, readStore::freshDatabase);
        context.registerBean(QueryUpdateEmitter.class, () -> SimpleQueryUpdateEmitter.builder().build());
        context.registerBean(EventStore.class, () -> eventStore);
        context.scan(OrderQueryHandler.class.getPackageName());
    }

    @AfterEach
    void tearDown() {
        context.close();
        eventStore.shutDown();
    }

    @Test
    void withoutAnApplicationObjectMapperTheHistoryMakesItsOwn() {
        context.refresh();

        OrderQueryHandler handler = context.getBean(OrderQueryHandler.class);

        assertThat(context.getBean(OrderSummaryProjection.class)).isNotNull();
        assertThat(handler.find(new FindOrderQuery(id("o-1"), Viewer.admin("u-admin")))).isEmpty();
        assertThat(handler.find(new FindOrderHistoryQuery(id("o-1"), 1, null)).items().get(0).payloadJson())
                .contains("\"idempotencyKey\":\"key-o-1\"");
    }

    @Test
    void theHistoryWritesJsonWithTheApplicationsObjectMapper() {
        context.registerBean(ObjectMapper.class,
                () -> new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        context.refresh();

        assertThat(context.getBean(OrderQueryHandler.class)
                .find(new FindOrderHistoryQuery(id("o-1"), 1, null)).items().get(0).payloadJson())
                .contains("\"idempotency_key\":\"key-o-1\"");
    }
}
