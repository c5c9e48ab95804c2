package io.jangteo.query.audit;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.AuditFilter;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindAuditLogQuery;
import io.jangteo.messages.audit.FindMemberTimelineQuery;
import io.jangteo.messages.audit.TimelineFilter;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.StateChanges;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.List;
import java.util.Map;

import static io.jangteo.query.audit.AuditFixtures.id;
import static io.jangteo.query.audit.AuditFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The package's beans come up from what the application provides; the state changes port is optional to start. */
class AuditBeansTest {

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
        MongoDatabase database = readStore.freshDatabase();
        context.registerBean(MongoDatabase.class, () -> database);
        context.registerBean(EventStore.class, () -> eventStore);
        context.scan(AuditQueryHandler.class.getPackageName());
    }

    @AfterEach
    void tearDown() {
        context.close();
        eventStore.shutDown();
    }

    @Test
    void withoutStateChangesTheTimelineWorksAndTheAuditLogSaysWhatIsMissing() {
        context.refresh();
        deliverARegistration();
        AuditQueryHandler handler = context.getBean(AuditQueryHandler.class);

        assertThat(handler.find(new FindMemberTimelineQuery(id("m-1"), TimelineFilter.none(), 10, null, 0, null))
                .items()).hasSize(1);
        assertThatThrownBy(() -> handler.find(new FindAuditLogQuery(AuditFilter.none(), 10)))
                .isInstanceOf(NoSuchBeanDefinitionException.class).hasMessageContaining("StateChanges");
    }

    @Test
    void theAuditLogAsksTheApplicationsStateChanges() {
        StateChanges changes = events -> Map.of(events.get(0).getIdentifier(),
                List.of(new FieldChange("email", null, null, true)));
        context.registerBean(StateChanges.class, () -> changes);
        context.refresh();
        deliverARegistration();

        assertThat(context.getBean(AuditQueryHandler.class).find(new FindAuditLogQuery(AuditFilter.none(), 10))
                .items().get(0).changes()).containsExactly(new FieldChange("email", null, null, true));
    }

    private void deliverARegistration() {
        AuditFeed feed = new AuditFeed(eventStore, context.getBean(AuditIndexProjection.class),
                context.getBean(MemberTimelineProjection.class));
        feed.publish("Member", "m-1", registered("m-1"), AuditFeed.by("m-1", "CUSTOMER"));
    }
}
