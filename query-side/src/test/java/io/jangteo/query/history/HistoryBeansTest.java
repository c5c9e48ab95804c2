package io.jangteo.query.history;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindSellerAsOfQuery;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.query.catalog.ProductStateReplay;
import io.jangteo.query.seller.SellerFixtures;
import io.jangteo.query.shared.DomainEventFeed;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.StateChanges;
import org.axonframework.eventhandling.DomainEventMessage;
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

import java.util.List;
import java.util.Map;

import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The history beans come up with the read models' replays from what the application provides. */
class HistoryBeansTest {

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
        context = new AnnotationConfigApplicationContext();
        context.registerBean(MongoDatabase.class, readStore::freshDatabase);
        context.registerBean(QueryUpdateEmitter.class, () -> SimpleQueryUpdateEmitter.builder().build());
        context.registerBean(EventStore.class, () -> eventStore);
        context.scan(PointInTimeQueries.class.getPackageName(), "io.jangteo.query.order", "io.jangteo.query.member",
                ProductStateReplay.class.getPackageName(), "io.jangteo.query.seller", "io.jangteo.query.coupon",
                "io.jangteo.query.cart");
    }

    @AfterEach
    void tearDown() {
        context.close();
        eventStore.shutDown();
    }

    @Test
    void pointInTimeReadsAndStateChangesComeUpWithEveryReplay() {
        DomainEventMessage<?> registered = DomainEventFeed.message("Seller", "s-1", 0,
                SellerFixtures.registered("s-1", "김치마을"), at(0));
        eventStore.publish(registered);
        context.refresh();

        assertThat(context.getBeansOfType(StateReplay.class)).hasSize(6);
        assertThat(context.getBean(PointInTimeQueries.class)
                .find(new FindSellerAsOfQuery(SellerId.of("s-1"), AsOf.of(at(1)))))
                .get().extracting(SellerView::status).isEqualTo(SellerStatus.PENDING);
        Map<String, List<FieldChange>> changes = context.getBean(StateChanges.class).changedBy(List.of(registered));
        assertThat(changes.get(registered.getIdentifier())).extracting(FieldChange::field).contains("shopName");
        assertThat(context.getBean(ScratchReadStore.class).openDatabases()).isZero();
    }
}
