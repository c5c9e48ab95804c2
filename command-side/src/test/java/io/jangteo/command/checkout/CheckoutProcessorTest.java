package io.jangteo.command.checkout;

import io.jangteo.messages.catalog.CommitStock;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.order.RequestPayment;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.jangteo.command.checkout.CheckoutFixtures.ORDER;
import static io.jangteo.command.checkout.CheckoutFixtures.approved;
import static io.jangteo.command.checkout.CheckoutFixtures.commit;
import static io.jangteo.command.checkout.CheckoutFixtures.placed;
import static io.jangteo.command.checkout.CheckoutFixtures.plainQuote;
import static io.jangteo.command.checkout.CheckoutFixtures.reserve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checkout in the processor {@link CheckoutConfiguration} sets up, on a real event store, command bus and saga
 * repository: what the saga fixture cannot show (threads and segments, a failure handled again by the processor,
 * later events finding the saga by the plain order id).
 */
class CheckoutProcessorTest {

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean secondLineFailsOnce = new AtomicBoolean(true);
    private Configuration axon;

    @BeforeEach
    void setUp() {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(ReserveStock.class, RequestPayment.class, CommitStock.class)) {
            commandBus.subscribe(type.getName(), this::handle);
        }
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .configureCommandBus(config -> commandBus);
        configurer.eventProcessing().registerSaga(CheckoutProcess.class);
        new CheckoutConfiguration().checkoutProcessing().configureModule(configurer);
        axon = configurer.start();
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    /** The second line's reservation times out once, as a busy product might. */
    private Object handle(CommandMessage<?> command) {
        received.add(command.getPayload());
        if (command.getPayload().equals(reserve("2")) && secondLineFailsOnce.getAndSet(false)) {
            throw new CommandExecutionException("no answer in time", null);
        }
        return 0L;
    }

    private TrackingEventProcessor processor() {
        return axon.eventProcessingConfiguration()
                .eventProcessor(CheckoutProcess.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    private void publish(long sequenceNumber, Object event) {
        axon.eventStore().publish(new GenericDomainEventMessage<>("Order", ORDER.value(), sequenceNumber, event));
    }

    @Test
    void checkoutRunsInATrackingProcessorOfItsOwnWithTwoThreadsOverTwoSegments() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(processor().processingStatus()).hasSize(2));

        assertThat(processor().maxCapacity()).isEqualTo(2);
        assertThat(axon.eventProcessingConfiguration().listenerInvocationErrorHandler(CheckoutProcess.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);
    }

    @Test
    void aFailedStepIsHandledAgainByTheProcessorAndLaterEventsFindTheSagaByTheOrderId() {
        // both segments claimed first: on a loaded two-core machine the workers may start late, and a retry waits
        // for its segment to be claimed again, so the bound below covers start-up, one failure and one back-off
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(processor().processingStatus()).hasSize(2));
        publish(0, placed(plainQuote()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(received).contains(new RequestPayment(ORDER)));
        // the processor handled the whole event again: the first line's reservation was repeated, harmlessly
        assertThat(received).containsExactly(reserve("1"), reserve("2"), reserve("1"), reserve("2"), reserve("3"),
                new RequestPayment(ORDER));

        publish(1, approved(ORDER));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(received).contains(commit("1"), commit("2"), commit("3")));
        assertThat(received).hasSize(9);
    }
}
