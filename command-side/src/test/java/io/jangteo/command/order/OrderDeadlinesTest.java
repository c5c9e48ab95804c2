package io.jangteo.command.order;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.command.order.OrderFixtures.FakeStoredPaymentMethods;
import io.jangteo.command.schedule.ScheduledCommands;
import io.jangteo.command.schedule.TestPoller;
import io.jangteo.command.schedule.TestSerializers;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.MutableClock;
import io.jangteo.messages.order.ApprovePayment;
import io.jangteo.messages.order.MarkSellerPartDelivered;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.order.RequestPayment;
import io.jangteo.messages.order.ReturnRejected;
import io.jangteo.messages.order.SellerPartDelivered;
import io.jangteo.messages.order.SellerPartPreparing;
import io.jangteo.messages.order.ShipSellerPart;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;

import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.PAYMENT_KEY;
import static io.jangteo.command.order.OrderFixtures.SELLER_A;
import static io.jangteo.command.order.OrderFixtures.SETTINGS;
import static io.jangteo.command.order.OrderFixtures.T0;
import static io.jangteo.command.order.OrderFixtures.buyer;
import static io.jangteo.command.order.OrderFixtures.paymentApproved;
import static io.jangteo.command.order.OrderFixtures.placeOrder;
import static io.jangteo.command.order.OrderFixtures.sellerOf;
import static io.jangteo.command.order.OrderFixtures.system;
import static io.jangteo.command.order.OrderFixtures.won;
import static org.assertj.core.api.Assertions.assertThat;

/** The order's deadlines as persistent scheduled commands, sent by the real poller to the real order. */
class OrderDeadlinesTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MongoDatabase database = mongo.freshDatabase();
    private final MongoCollection<Document> schedule = database.getCollection(ScheduledCommands.COLLECTION);
    private final ScheduledCommands scheduled = new ScheduledCommands(database, TestSerializers.likeTheApplication());
    private final AnnotationEventHandlerAdapter deadlines =
            new AnnotationEventHandlerAdapter(new OrderDeadlines(scheduled, SETTINGS));
    private final ScriptedPaymentGateway payments = new ScriptedPaymentGateway();
    private final OrderBus order = OrderBus.of(payments, SETTINGS, new FakeStoredPaymentMethods());
    private final MutableClock clock = new MutableClock(Instant.now());
    private final TestPoller poller = new TestPoller(scheduled, order.gateway(), clock);

    @AfterEach
    void tearDown() {
        order.eventStore().shutDown();
    }

    @Test
    void anUnpaidOrderExpiresAtItsPaymentsDeadlineAsTheDeadlineActor() throws Exception {
        order.gateway().sendAndWait(placeOrder(), MetaData.from(buyer()));
        order.gateway().sendAndWait(new RequestPayment(ORDER), MetaData.from(system()));
        feedOrderEvents();
        Instant expiresAt = ((PaymentRequested) order.payloads(ORDER).get(1)).expiresAt();

        assertThat(schedule.find(new Document("_id", "order-expiry:" + ORDER)).first())
                .containsEntry("dueAt", Date.from(expiresAt))
                .containsEntry("actorId", "system:order-deadlines");
        clock.set(expiresAt.minusSeconds(1));
        assertThat(poller.pollOnce()).isZero();
        clock.set(expiresAt);
        assertThat(poller.pollOnce()).isEqualTo(1);

        DomainEventMessage<?> expired = order.events(ORDER).get(2);
        assertThat(expired.getPayload()).isInstanceOf(OrderExpired.class);
        assertThat(expired.getMetaData()).containsEntry(AuditKeys.ACTOR_ID, "system:order-deadlines")
                .containsEntry(AuditKeys.ACTOR_ROLE, "SYSTEM");
        assertThat(schedule.countDocuments()).isZero();
    }

    @Test
    void aDeliveredPartIsConfirmedAutomaticallyWhenItsPeriodEnds() throws Exception {
        order.gateway().sendAndWait(placeOrder(), MetaData.from(buyer()));
        order.gateway().sendAndWait(new RequestPayment(ORDER), MetaData.from(system()));
        order.gateway().sendAndWait(new ApprovePayment(ORDER, "pg_token"), MetaData.from(buyer()));
        order.gateway().sendAndWait(new ShipSellerPart(ORDER, SELLER_A, "CJ대한통운", "1234"),
                MetaData.from(sellerOf(SELLER_A)));
        order.gateway().sendAndWait(new MarkSellerPartDelivered(ORDER, SELLER_A), MetaData.from(system()));
        feedOrderEvents();
        SellerPartDelivered delivered = (SellerPartDelivered) order.payloads(ORDER).get(4);

        assertThat(schedule.find(new Document("_id", "order-confirm:" + ORDER + ":" + SELLER_A)).first())
                .containsEntry("dueAt", Date.from(delivered.autoConfirmAt()));
        assertThat(schedule.countDocuments()).as("the payment's expiry went when it was approved").isEqualTo(1);
        clock.set(delivered.autoConfirmAt());
        assertThat(poller.pollOnce()).isEqualTo(1);

        assertThat(order.payloads(ORDER).get(5)).isInstanceOfSatisfying(PurchaseConfirmed.class, confirmed -> {
            assertThat(confirmed.automatic()).isTrue();
            assertThat(confirmed.amount()).isEqualTo(won(63_500));
        });
    }

    @Test
    void theEndOfAClaimSetsThePartsConfirmationAgainAFullPeriodLater() throws Exception {
        handle(new SellerPartDelivered(ORDER, BUYER, SELLER_A, T0, T0.plus(Duration.ofDays(7))));
        Instant rejectedAt = T0.plus(Duration.ofDays(5));

        handle(new ReturnRejected(ORDER, BUYER, SELLER_A, "R1", "worn", rejectedAt));

        assertThat(schedule.find().into(new ArrayList<>())).singleElement().satisfies(item -> {
            assertThat(item.getString("_id")).isEqualTo("order-confirm:" + ORDER + ":" + SELLER_A);
            assertThat(item.getDate("dueAt")).isEqualTo(Date.from(rejectedAt.plus(Duration.ofDays(7))));
        });
    }

    @Test
    void aConfirmedPartsDeadlineIsWithdrawn() throws Exception {
        handle(new SellerPartDelivered(ORDER, BUYER, SELLER_A, T0, T0.plus(Duration.ofDays(7))));

        handle(new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(63_500), false, T0));

        assertThat(schedule.countDocuments()).isZero();
    }

    @Test
    void brandPayHasNoPaymentDeadline() throws Exception {
        handle(new PaymentRequested(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.BRAND_PAY, won(83_500), null, null, null,
                T0));

        assertThat(schedule.countDocuments()).isZero();
    }

    @Test
    void anApprovedPaymentsExpiryIsWithdrawn() throws Exception {
        handle(OrderFixtures.paymentRequested());
        assertThat(schedule.countDocuments()).isEqualTo(1);

        handle(paymentApproved());

        assertThat(schedule.countDocuments()).isZero();
    }

    @Test
    void eventsWithoutADeadlineScheduleNothing() throws Exception {
        handle(new SellerPartPreparing(ORDER, BUYER, SELLER_A, T0));

        assertThat(schedule.countDocuments()).isZero();
    }

    @Test
    void theDeadlinesHaveTheirOwnProcessingGroup() {
        assertThat(OrderDeadlines.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("order-deadlines");
    }

    private void feedOrderEvents() throws Exception {
        for (DomainEventMessage<?> event : order.events(ORDER)) {
            deadlines.handle(event);
        }
    }

    private void handle(Object event) throws Exception {
        deadlines.handle(GenericEventMessage.asEventMessage(event));
    }
}
