package io.jangteo.axon.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tokens in a real MongoDB token store (the embedded wire-protocol server), stored after the work they cover. */
class AfterCommitTokenStoreTest {

    private static final String PROCESSOR = "projection";

    /**
     * Like the event store's JDBC transaction in embedded mode: the processor runs in it, the MongoDB token store does
     * not take part in it.
     */
    private static final TransactionManager JDBC_LIKE = () -> new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = connect(server);
    private final TokenStore mongoTokens = MongoTokenStore.builder()
            .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase("tokens")).build())
            .serializer(JacksonSerializer.defaultSerializer())
            .nodeId("this-node")
            .build();
    private final TokenStore tokens = new AfterCommitTokenStore(mongoTokens);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aTokenStoredWhileEventsAreHandledIsStoredWhenTheirWorkCommits() {
        tokens.initializeTokenSegments(PROCESSOR, 1);
        tokens.fetchToken(PROCESSOR, 0);
        UnitOfWork<?> work = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e1"));

        tokens.storeToken(new GlobalSequenceTrackingToken(1), PROCESSOR, 0);

        assertThat(mongoTokens.fetchToken(PROCESSOR, 0)).as("before the commit").isNull();
        work.commit();
        assertThat(mongoTokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void aTokenStoredByWorkThatRollsBackIsNeverStored() {
        tokens.initializeTokenSegments(PROCESSOR, 1);
        tokens.fetchToken(PROCESSOR, 0);
        UnitOfWork<?> work = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e1"));

        tokens.storeToken(new GlobalSequenceTrackingToken(1), PROCESSOR, 0);
        work.rollback();

        assertThat(mongoTokens.fetchToken(PROCESSOR, 0)).isNull();
    }

    @Test
    void aTokenStoredOutsideAnyWorkIsStoredAtOnce() {
        tokens.initializeTokenSegments(PROCESSOR, 1);
        tokens.fetchToken(PROCESSOR, 0);

        tokens.storeToken(new GlobalSequenceTrackingToken(4), PROCESSOR, 0);

        assertThat(mongoTokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(4));
    }

    /**
     * A tracking processor with a transaction stores a batch's token before handling it. When the handler fails, the
     * processor starts again from the stored token: with the token already past the failed event, that event was
     * skipped for good.
     */
    @Test
    void anEventWhoseHandlingFailedIsHandledAgainNotSkipped() {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        Object projection = new Object() {
            @EventHandler
            void on(String event) {
                if (event.equals("e2") && failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("the read store did not answer in time");
                }
                handled.add(event);
            }
        };
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(projection)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(eventStore)
                .tokenStore(tokens)
                .transactionManager(JDBC_LIKE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(1))
                .build();
        eventStore.publish(GenericEventMessage.asEventMessage("e1"), GenericEventMessage.asEventMessage("e2"),
                GenericEventMessage.asEventMessage("e3"));
        try {
            processor.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(handled).containsExactly("e1", "e2", "e3"));
        } finally {
            processor.shutDown();
        }
        assertThat(failed).isTrue();
    }

    private static MongoClient connect(MongoServer server) {
        InetSocketAddress address = server.bind();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }
}
