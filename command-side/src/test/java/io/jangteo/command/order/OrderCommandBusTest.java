package io.jangteo.command.order;

import io.jangteo.command.member.Member;
import io.jangteo.command.order.OrderFixtures.FakeStoredPaymentMethods;
import io.jangteo.command.payment.PaymentProviderUnavailable;
import io.jangteo.command.schedule.Refusals;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.PaymentMethodRegistered;
import io.jangteo.messages.member.PaymentMethodRemoved;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.RequestPayment;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.CARD_ON_FILE;
import static io.jangteo.command.order.OrderFixtures.FINGERPRINT;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.SETTINGS;
import static io.jangteo.command.order.OrderFixtures.brandPay;
import static io.jangteo.command.order.OrderFixtures.buyer;
import static io.jangteo.command.order.OrderFixtures.placeOrder;
import static io.jangteo.command.order.OrderFixtures.probe;
import static io.jangteo.command.order.OrderFixtures.quote;
import static io.jangteo.command.order.OrderFixtures.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order behind a real command bus: what is stored, and how refusals reach their senders. */
class OrderCommandBusTest {

    private final ScriptedPaymentGateway payments = new ScriptedPaymentGateway();
    private OrderBus bus = OrderBus.of(payments, SETTINGS, new FakeStoredPaymentMethods());

    @AfterEach
    void tearDown() {
        bus.eventStore().shutDown();
    }

    @Test
    void aProbeOfAnOrderNeverPlacedAppendsNothing() {
        assertThatThrownBy(() -> bus.gateway().sendAndWait(probe(FINGERPRINT), MetaData.from(buyer())))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused ->
                        assertThat(refused.getDetails()).contains(
                                new RuleViolation(ErrorCode.NOT_FOUND, List.of(),
                                        "No order was placed with this idempotency key")));

        assertThat(bus.events(ORDER)).isEmpty();
        assertThat(bus.eventStore().lastSequenceNumberFor(ORDER.value())).isEmpty();
    }

    @Test
    void retriesAndProbesAnswerTheOneOrderStored() {
        Object placed = bus.gateway().sendAndWait(placeOrder(), MetaData.from(buyer()));
        Object retried = bus.gateway().sendAndWait(placeOrder(), MetaData.from(buyer()));
        Object probed = bus.gateway().sendAndWait(probe(FINGERPRINT), MetaData.from(buyer()));

        assertThat(List.of(placed, retried, probed)).containsOnly(0L);
        assertThat(bus.payloads(ORDER)).singleElement().isInstanceOf(OrderPlaced.class);
        assertThat(bus.events(ORDER).get(0).getMetaData())
                .containsEntry(AuditKeys.ACTOR_ID, BUYER.value())
                .containsEntry(AuditKeys.ACTOR_ROLE, "CUSTOMER");
    }

    @Test
    void aReusedKeyReachesTheSenderAsIdempotencyKeyReused() {
        bus.gateway().sendAndWait(placeOrder(), MetaData.from(buyer()));

        assertThatThrownBy(() -> bus.gateway().sendAndWait(probe("sha256:another-request"), MetaData.from(buyer())))
                .satisfies(refused -> assertThat(Refusals.permanent(refused)).hasValueSatisfying(violation -> {
                    assertThat(violation.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
                    assertThat(violation.field()).containsExactly("idempotencyKey");
                }));
        assertThat(bus.events(ORDER)).hasSize(1);
    }

    @Test
    void anUnansweredProviderIsATransientFailureForSystemSenders() {
        bus.gateway().sendAndWait(placeOrder(), MetaData.from(buyer()));
        payments.ready = () -> {
            throw new PaymentProviderUnavailable("timeout");
        };

        assertThatThrownBy(() -> bus.gateway().sendAndWait(new RequestPayment(ORDER), MetaData.from(system())))
                .satisfies(failure -> assertThat(Refusals.permanent(failure)).isEmpty());
        assertThat(bus.events(ORDER)).hasSize(1);
    }

    @Test
    void brandPayChargesTheBillingKeyTheMemberAggregateHolds() {
        bus.eventStore().shutDown();
        bus = OrderBus.of(payments, SETTINGS, eventStore -> new MemberStoredPaymentMethods(
                EventSourcingRepository.builder(Member.class).eventStore(eventStore).build()));
        memberEvents(new MemberRegistered(BUYER, "minji@example.com", "Kim Minji", "01012345678", ActorRole.CUSTOMER,
                        true, false),
                new PaymentMethodRegistered(BUYER, CARD_ON_FILE, "TOSS", "bk_sbx_0123", "VISA", "4242", 2030, 12,
                        true));

        bus.gateway().sendAndWait(placeOrder(quote(), brandPay()), MetaData.from(buyer()));
        bus.gateway().sendAndWait(new RequestPayment(ORDER), MetaData.from(system()));

        assertThat(payments.calls).singleElement().asString().startsWith("charge pay-" + ORDER + " bk_sbx_0123 ");
        assertThat(bus.payloads(ORDER)).hasSize(3)
                .element(1).isInstanceOf(PaymentRequested.class);
        assertThat(bus.payloads(ORDER).get(2)).isInstanceOf(PaymentApproved.class);
    }

    @Test
    void brandPayWithARemovedMethodIsRefusedAtPlacement() {
        bus.eventStore().shutDown();
        bus = OrderBus.of(payments, SETTINGS, eventStore -> new MemberStoredPaymentMethods(
                EventSourcingRepository.builder(Member.class).eventStore(eventStore).build()));
        memberEvents(new MemberRegistered(BUYER, "minji@example.com", "Kim Minji", "01012345678", ActorRole.CUSTOMER,
                        true, false),
                new PaymentMethodRegistered(BUYER, CARD_ON_FILE, "TOSS", "bk_sbx_0123", "VISA", "4242", 2030, 12,
                        true),
                new PaymentMethodRemoved(BUYER, CARD_ON_FILE, null, null));

        assertThatThrownBy(() -> bus.gateway().sendAndWait(placeOrder(quote(), brandPay()), MetaData.from(buyer())))
                .satisfies(refused -> assertThat(Refusals.permanent(refused)).hasValueSatisfying(violation ->
                        assertThat(violation.field()).containsExactly("payment", "storedMethodId")));
        assertThat(bus.events(ORDER)).isEmpty();
    }

    @Test
    void aBuyerWhoIsNoMemberHasNoStoredMethods() {
        StoredPaymentMethods methods = new MemberStoredPaymentMethods(
                EventSourcingRepository.builder(Member.class).eventStore(bus.eventStore()).build());

        Object answer = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> methods.billingKey(BUYER, CARD_ON_FILE)).getPayload();

        assertThat(answer).isEqualTo(Optional.empty());
    }

    private void memberEvents(Object... events) {
        for (int i = 0; i < events.length; i++) {
            bus.eventStore().publish(new GenericDomainEventMessage<>("Member", BUYER.value(), i, events[i],
                    MetaData.from(Map.of(AuditKeys.ACTOR_ID, BUYER.value()))));
        }
    }
}
