package io.jangteo.command.catalog;

import io.jangteo.command.shared.RealCommandBus;
import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.ProductSoldOut;
import io.jangteo.messages.catalog.PublishProduct;
import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.catalog.StockReserved;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jangteo.command.catalog.ProductFixtures.NAME;
import static io.jangteo.command.catalog.ProductFixtures.PRODUCT_ID;
import static io.jangteo.command.catalog.ProductFixtures.SELLER;
import static io.jangteo.command.catalog.ProductFixtures.actingAs;
import static io.jangteo.command.catalog.ProductFixtures.owner;
import static io.jangteo.command.catalog.ProductFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty checkouts racing for the last ten units through a real command bus and event store: the product, loaded and
 * locked per command, must sell exactly what it has.
 */
class ProductReservationConcurrencyTest {

    private static final int AVAILABLE = 10;
    private static final int CHECKOUTS = 50;

    private EmbeddedEventStore eventStore;
    private CommandGateway commandGateway;
    private ExecutorService checkouts;

    @BeforeEach
    void setUp() {
        RealCommandBus bus = RealCommandBus.of(Product.class);
        eventStore = bus.eventStore();
        commandGateway = bus.gateway();
        checkouts = Executors.newFixedThreadPool(CHECKOUTS);
    }

    @AfterEach
    void tearDown() {
        checkouts.shutdownNow();
        eventStore.shutDown();
    }

    @Test
    void fiftyParallelCheckoutsReserveExactlyTheTenAvailableUnits() throws Exception {
        commandGateway.sendAndWait(new CreateProduct(PRODUCT_ID, SELLER, NAME, null, null, null, null,
                Money.won(12_000), null, List.of(spec(null, null, Money.won(0), 0, AVAILABLE))), MetaData.from(owner()));
        commandGateway.sendAndWait(new PublishProduct(PRODUCT_ID), MetaData.from(owner()));

        CountDownLatch ready = new CountDownLatch(CHECKOUTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < CHECKOUTS; i++) {
            ReserveStock reserve = new ReserveStock(PRODUCT_ID, io.jangteo.messages.catalog.VariantId.DEFAULT,
                    ReservationId.of("order-" + i + "/1"), 1);
            outcomes.add(checkouts.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return commandGateway.sendAndWait(reserve, MetaData.from(actingAs(ActorRole.SYSTEM)));
                } catch (CommandExecutionException refused) {
                    return refused.getDetails().orElseThrow();
                }
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();

        int succeeded = 0;
        List<ErrorCode> refusals = new ArrayList<>();
        for (Future<Object> outcome : outcomes) {
            Object result = outcome.get(60, TimeUnit.SECONDS);
            if (result instanceof RuleViolation violation) {
                refusals.add(violation.code());
            } else {
                assertThat(result).isInstanceOf(Long.class);
                succeeded++;
            }
        }
        assertThat(succeeded).isEqualTo(AVAILABLE);
        assertThat(refusals).hasSize(CHECKOUTS - AVAILABLE).containsOnly(ErrorCode.OUT_OF_STOCK);

        List<Object> events = eventStore.readEvents(PRODUCT_ID.value()).asStream()
                .map(EventMessage::getPayload).map(Object.class::cast).toList();
        List<StockReserved> reservations = events.stream()
                .filter(StockReserved.class::isInstance).map(StockReserved.class::cast).toList();
        assertThat(reservations).hasSize(AVAILABLE);
        assertThat(reservations).allSatisfy(reserved -> assertThat(reserved.onHand() - reserved.reserved())
                .isGreaterThanOrEqualTo(0));
        assertThat(reservations).extracting(StockReserved::reserved)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, AVAILABLE).boxed().toList());
        assertThat(reservations.get(AVAILABLE - 1).reserved()).isEqualTo(AVAILABLE);
        assertThat(events).filteredOn(StockReceived.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(ProductSoldOut.class::isInstance).hasSize(1);
        assertThat(events.get(events.size() - 1)).isInstanceOf(ProductSoldOut.class);
    }
}
