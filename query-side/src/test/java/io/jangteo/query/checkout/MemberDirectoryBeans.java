package io.jangteo.query.checkout;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * query.member's beans as the application makes them, over a test database: its projection is package-private, so
 * the quote's tests reach the real one through Spring, as the application does, and feed it events.
 */
final class MemberDirectoryBeans implements AutoCloseable {

    private final EmbeddedEventStore eventStore;
    private final AnnotationConfigApplicationContext context;

    MemberDirectoryBeans(MongoDatabase database) {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(MongoDatabase.class, () -> database);
        context.registerBean(QueryUpdateEmitter.class, () -> SimpleQueryUpdateEmitter.builder().build());
        context.registerBean(EventStore.class, () -> eventStore);
        context.scan("io.jangteo.query.member");
        context.refresh();
    }

    /** The member directory projection, to hand to an {@link io.jangteo.query.shared.EventFeed}. */
    Object projection() {
        return context.getBean("memberDirectoryProjection");
    }

    @Override
    public void close() {
        context.close();
        eventStore.shutDown();
    }
}
