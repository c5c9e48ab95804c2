package io.jangteo.command.order;

import com.mongodb.client.MongoDatabase;
import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ReceiveStock;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.RestoreCoupon;
import io.jangteo.messages.order.CancelledLine;
import io.jangteo.messages.order.OrderLinesCancelled;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.COUPON;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.SELLER_A;
import static io.jangteo.command.order.OrderFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cancelled lines go back to stock once, however often the policy runs; a whole order's coupon is restored. */
class WhenOrderLinesCancelledThenGiveBackTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MongoDatabase database = mongo.freshDatabase();

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private boolean refuse;
    private final WhenOrderLinesCancelledThenGiveBack policy;

    WhenOrderLinesCancelledThenGiveBackTest() {
        bus.registerHandlerInterceptor(new RuleViolationTranslator());
        bus.subscribe(ReceiveStock.class.getName(), command -> {
            sent.add(command);
            if (refuse) {
                throw new VariantGone();
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("event store unavailable");
            }
            return 1L;
        });
        bus.subscribe(RestoreCoupon.class.getName(), command -> {
            sent.add(command);
            return 1L;
        });
        policy = new WhenOrderLinesCancelledThenGiveBack(gateway(bus), database, eventStore, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void everyCancelledLineGoesBackToStockAndAWholeOrdersCouponIsRestored() {
        policy.on(cancelled(true));

        assertThat(sent).extracting(command -> (Object) command.getPayload()).containsExactly(
                new ReceiveStock(ProductId.of("p-L1"), VariantId.of("v-L1"), 2,
                        "order " + ORDER + " line L1 cancelled"),
                new ReceiveStock(ProductId.of("p-L3"), VariantId.of("v-L3"), 1,
                        "order " + ORDER + " line L3 cancelled"),
                new RestoreCoupon(COUPON, ORDER.value(), "order " + ORDER + " cancelled"));
        assertThat(sent).allSatisfy(command -> assertThat(command.getMetaData())
                .containsEntry(AuditKeys.ACTOR_ID, "system:order-policies")
                .containsEntry(AuditKeys.ACTOR_ROLE, "SYSTEM"));
        assertThat(restockStates()).containsExactly("DONE", "DONE");
    }

    @Test
    void aPartialCancellationRestoresNoCoupon() {
        policy.on(cancelled(false));

        assertThat(sent).extracting(command -> (Object) command.getPayload()).hasSize(2)
                .allMatch(ReceiveStock.class::isInstance);
    }

    @Test
    void aRedeliveredCancellationRestocksNothingAgain() {
        policy.on(cancelled(false));
        policy.on(cancelled(false));

        assertThat(sent).hasSize(2);
    }

    @Test
    void anInterruptedRunWhoseStockArrivedDoesNotRestockAgain() {
        interruptedAfterSending("L1");
        stockReceivedFor("p-L1", "v-L1", "order " + ORDER + " line L1 cancelled");

        policy.on(cancelled(false));

        assertThat(sent).extracting(command -> (Object) command.getPayload()).singleElement()
                .isEqualTo(new ReceiveStock(ProductId.of("p-L3"), VariantId.of("v-L3"), 1,
                        "order " + ORDER + " line L3 cancelled"));
        assertThat(restockStates()).containsExactly("DONE", "DONE");
    }

    @Test
    void anInterruptedRunWhoseStockNeverArrivedRestocks() {
        interruptedAfterSending("L1");
        stockReceivedFor("p-L1", "v-L1", "order ord-another line L1 cancelled");

        policy.on(cancelled(false));

        assertThat(sent).hasSize(2);
    }

    @Test
    void aFailureIsThrownForTheProcessorAndTheRetryRestocksOnce() {
        failuresLeft.set(1);

        assertThatThrownBy(() -> policy.on(cancelled(false))).hasMessageContaining("event store unavailable");
        assertThat(restockStates()).containsExactly("SENDING");
        policy.on(cancelled(false));

        assertThat(sent).extracting(command -> ((ReceiveStock) command.getPayload()).productId().value())
                .containsExactly("p-L1", "p-L1", "p-L3");
        assertThat(restockStates()).containsExactly("DONE", "DONE");
    }

    @Test
    void aRefusedRestockIsLoggedNotThrownAndNotSentAgain() {
        refuse = true;

        policy.on(cancelled(false));
        policy.on(cancelled(false));

        assertThat(sent).hasSize(2);
        assertThat(restockStates()).containsExactly("REFUSED", "REFUSED");
    }

    private void interruptedAfterSending(String lineId) {
        database.getCollection(WhenOrderLinesCancelledThenGiveBack.COLLECTION).insertOne(
                new Document("_id", ORDER + ":" + lineId).append("state", "SENDING"));
    }

    private void stockReceivedFor(String productId, String variantId, String reason) {
        eventStore.publish(new GenericDomainEventMessage<>("Product", productId, 0, new StockReceived(
                ProductId.of(productId), SELLER_A, VariantId.of(variantId), 2, reason, 12, 0)));
    }

    private List<String> restockStates() {
        return database.getCollection(WhenOrderLinesCancelledThenGiveBack.COLLECTION).find()
                .map(document -> document.getString("state")).into(new ArrayList<>());
    }

    @Test
    void thePoliciesShareTheirProcessingGroup() {
        assertThat(List.of(WhenOrderLinesCancelledThenGiveBack.class, WhenRefundCompletedThenRefundPoints.class,
                WhenPurchaseConfirmedThenRecordPurchase.class))
                .extracting(type -> type.getAnnotation(ProcessingGroup.class).value())
                .containsOnly("order-policies");
    }

    private static CommandGateway gateway(SimpleCommandBus bus) {
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private static OrderLinesCancelled cancelled(boolean wholeOrder) {
        return new OrderLinesCancelled(ORDER, BUYER, List.of(
                new CancelledLine("L1", ProductId.of("p-L1"), VariantId.of("v-L1"), 2),
                new CancelledLine("L3", ProductId.of("p-L3"), VariantId.of("v-L3"), 1)),
                "Changed my mind", wholeOrder, wholeOrder ? COUPON : null, T0);
    }

    static final class VariantGone extends DomainRuleViolation {
        VariantGone() {
            super(ErrorCode.NOT_FOUND, List.of("variantId"), "No such variant");
        }
    }
}
