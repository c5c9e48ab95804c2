package io.jangteo.axon.storage;

import io.jangteo.axon.JangteoProperties;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The embedded event store, built by {@link EmbeddedStorageConfiguration} itself over an H2 file: the unique key on
 * (aggregate, sequence) is the only thing that keeps two concurrent commands on one product from both being stored.
 */
class EventStoreConcurrencyTest {

    private static final int ROUNDS = 10;

    private final EmbeddedStorageConfiguration storage = new EmbeddedStorageConfiguration();
    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final ExecutorService writers = Executors.newFixedThreadPool(2);

    @TempDir
    Path dataDir;

    private DataSource dataSource;
    private EventStorageEngine engine;

    record NoteTaken(String note) {
    }

    @BeforeEach
    void openStore() {
        dataSource = storage.dataSource(new JangteoProperties(dataDir, null, null));
        engine = engineOver(dataSource);
    }

    @AfterEach
    void closeStore() throws IOException {
        writers.shutdownNow();
        ((Closeable) dataSource).close();
    }

    @Test
    void createsTheSchemaInTheDataDirectory() {
        assertThat(dataDir.resolve("events").resolve("events.mv.db")).exists();
    }

    @Test
    void creatingTheSchemaAgainKeepsTheStoredEvents() {
        engine.appendEvents(event("p-1", 0, "first"));

        assertThatCode(() -> ((JdbcEventStorageEngine) engine).createSchema(new H2EventTableFactory()))
                .doesNotThrowAnyException();
        // every start-up creates the schema: a second engine on the same database must find the events
        EventStorageEngine restarted = engineOver(dataSource);

        assertThat(notes(restarted, "p-1")).containsExactly("first");
    }

    @Test
    void twoWritersCreatingTheSameAggregateAtOnceStoreExactlyOneEvent() throws Exception {
        // Axon reports a clash on sequence 0 as AggregateStreamCreationException, which is not a
        // ConcurrencyException; what matters here is that it is recognised as a key clash, not a storage failure
        for (int round = 0; round < ROUNDS; round++) {
            String aggregateId = "created-" + round;

            List<Object> outcomes = race(event(aggregateId, 0, "writer A"), event(aggregateId, 0, "writer B"));

            assertThat(outcomes).filteredOn(DomainEventMessage.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Throwable.class::isInstance).singleElement()
                    .isInstanceOf(AggregateStreamCreationException.class);
            DomainEventMessage<?> winner = (DomainEventMessage<?>) outcomes.stream()
                    .filter(DomainEventMessage.class::isInstance).findFirst().orElseThrow();
            assertThat(engine.readEvents(aggregateId).asStream().toList())
                    .singleElement()
                    .extracting(DomainEventMessage::getIdentifier)
                    .isEqualTo(winner.getIdentifier());
        }
    }

    @Test
    void twoWritersAppendingTheSameSequenceToAnExistingAggregateStoreExactlyOneEvent() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String aggregateId = "changed-" + round;
            engine.appendEvents(event(aggregateId, 0, "created"));

            List<Object> outcomes = race(event(aggregateId, 1, "writer A"), event(aggregateId, 1, "writer B"));

            assertThat(outcomes).filteredOn(DomainEventMessage.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Throwable.class::isInstance).singleElement()
                    .isInstanceOf(ConcurrencyException.class)
                    .isNotInstanceOf(EventStoreException.class);
            assertThat(engine.readEvents(aggregateId).asStream().toList()).hasSize(2);
        }
    }

    @Test
    void eventsSurviveClosingAndReopeningTheStore() throws IOException {
        engine.appendEvents(event("p-1", 0, "created"), event("p-1", 1, "renamed"));
        engine.appendEvents(event("p-2", 0, "created"));
        String firstIdentifier = engine.readEvents("p-1").next().getIdentifier();

        ((Closeable) dataSource).close();
        dataSource = storage.dataSource(new JangteoProperties(dataDir, null, null));
        EventStorageEngine reopened = engineOver(dataSource);

        List<? extends DomainEventMessage<?>> events = reopened.readEvents("p-1").asStream().toList();
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(events).extracting(e -> ((NoteTaken) e.getPayload()).note()).containsExactly("created", "renamed");
        assertThat(events.get(0).getIdentifier()).isEqualTo(firstIdentifier);
        assertThat(notes(reopened, "p-2")).containsExactly("created");
        // the global stream continues after the reopened events rather than restarting the index
        reopened.appendEvents(event("p-3", 0, "created"));
        assertThat(reopened.readEvents(null, false).count()).isEqualTo(4);
    }

    /** Both appends start together; each outcome is the stored event or what its append threw. */
    private List<Object> race(DomainEventMessage<?> first, DomainEventMessage<?> second) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (DomainEventMessage<?> event : List.of(first, second)) {
            futures.add(writers.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    engine.appendEvents(event);
                    return event;
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            outcomes.add(future.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private EventStorageEngine engineOver(DataSource source) {
        return storage.eventStorageEngine(source,
                new SpringTransactionManager(new DataSourceTransactionManager(source)), serializer, serializer, List.of());
    }

    private static DomainEventMessage<NoteTaken> event(String aggregateId, long sequence, String note) {
        return new GenericDomainEventMessage<>("Product", aggregateId, sequence, new NoteTaken(note));
    }

    private static List<String> notes(EventStorageEngine engine, String aggregateId) {
        return engine.readEvents(aggregateId).asStream().map(e -> ((NoteTaken) e.getPayload()).note()).toList();
    }
}
