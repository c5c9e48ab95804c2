package io.jangteo.axon.audit;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The two correlation data providers of {@link AuditConfiguration} together, inside real units of work: what Axon
 * does to each message a handler creates.
 */
class AuditCorrelationTest {

    record ShipOrder(String orderId) {
    }

    record OrderShipped(String orderId) {
    }

    record NotifyCustomer(String orderId) {
    }

    private final AuditConfiguration configuration = new AuditConfiguration();
    // the beans themselves, so a change to their keys is caught here
    private final List<CorrelationDataProvider> providers = List.of(
            configuration.auditCorrelationDataProvider(), configuration.messageOriginProvider());

    private final AuditMetaData seller = new AuditMetaData("u-7", ActorRole.SELLER, "s-1", "203.0.113.9",
            "Mozilla/5.0", "req-42");

    @AfterEach
    void leaveNoUnitOfWorkBehind() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void anEventAppliedWhileHandlingACommandCarriesTheCommandsAuditTrail() {
        CommandMessage<ShipOrder> command = GenericCommandMessage.<ShipOrder>asCommandMessage(new ShipOrder("o-1"))
                .withMetaData(seller.toMetaData());
        UnitOfWork<?> handling = startHandling(command);

        EventMessage<OrderShipped> event = new GenericEventMessage<>(new OrderShipped("o-1"));
        handling.commit();

        assertThat(event.getMetaData()).contains(
                entry(AuditKeys.ACTOR_ID, "u-7"),
                entry(AuditKeys.ACTOR_ROLE, "SELLER"),
                entry(AuditKeys.ACTOR_SELLER_ID, "s-1"),
                entry(AuditKeys.CLIENT_IP, "203.0.113.9"),
                entry(AuditKeys.USER_AGENT, "Mozilla/5.0"),
                entry(AuditKeys.REQUEST_ID, "req-42"),
                entry(AuditKeys.CORRELATION_ID, "req-42"),
                entry(AuditKeys.CAUSATION_ID, command.getIdentifier()));
    }

    @Test
    void aCommandSentInReactionToAnEventKeepsTheRequestAsCorrelationAndTheEventAsCause() {
        CommandMessage<ShipOrder> command = GenericCommandMessage.<ShipOrder>asCommandMessage(new ShipOrder("o-1"))
                .withMetaData(seller.toMetaData());
        UnitOfWork<?> handlingCommand = startHandling(command);
        EventMessage<OrderShipped> event = new GenericEventMessage<>(new OrderShipped("o-1"));
        handlingCommand.commit();

        // an event handler (a saga, a policy) reacting to the event in a unit of work of its own
        UnitOfWork<?> handlingEvent = startHandling(event);
        CommandMessage<NotifyCustomer> reaction =
                GenericCommandMessage.asCommandMessage(new NotifyCustomer("o-1"));
        handlingEvent.commit();

        assertThat(reaction.getMetaData()).contains(
                entry(AuditKeys.ACTOR_ID, "u-7"),
                entry(AuditKeys.REQUEST_ID, "req-42"),
                entry(AuditKeys.CORRELATION_ID, "req-42"),
                entry(AuditKeys.CAUSATION_ID, event.getIdentifier()));
    }

    @Test
    void aSagaActingAsASystemActorIsNamedAsSuchAndKeepsTheEventAsCause() {
        // how a saga acts as a named system actor instead of as the user whose event woke it
        EventMessage<OrderShipped> event = sellersEvent();
        UnitOfWork<?> handlingEvent = startHandling(event);

        CommandMessage<NotifyCustomer> reaction = GenericCommandMessage.<NotifyCustomer>asCommandMessage(
                new NotifyCustomer("o-1")).andMetaData(AuditMetaData.system("checkout").toMetaData());
        handlingEvent.commit();

        assertThat(reaction.getMetaData())
                .containsEntry(AuditKeys.ACTOR_ID, "system:checkout")
                .containsEntry(AuditKeys.ACTOR_ROLE, "SYSTEM")
                .containsEntry(AuditKeys.CAUSATION_ID, event.getIdentifier());
    }

    @Test
    void aSagaActingAsASystemActorDoesNotInheritTheUsersShopOrClientButKeepsTheChain() {
        UnitOfWork<?> handlingEvent = startHandling(sellersEvent());

        CommandMessage<NotifyCustomer> reaction = GenericCommandMessage.<NotifyCustomer>asCommandMessage(
                new NotifyCustomer("o-1")).andMetaData(AuditMetaData.system("checkout").toMetaData());
        // what the gateway dispatches while the saga handles the event: the enforcer runs on every command sent
        CommandMessage<?> dispatched = new AuditMetaDataEnforcer().handle(List.of(reaction)).apply(0, reaction);
        handlingEvent.commit();

        assertThat(dispatched.getMetaData())
                .doesNotContainKeys(AuditKeys.ACTOR_SELLER_ID, AuditKeys.CLIENT_IP, AuditKeys.USER_AGENT)
                .containsEntry(AuditKeys.ACTOR_ID, "system:checkout")
                .containsEntry(AuditKeys.CORRELATION_ID, "req-42");
    }

    @Test
    void aSystemActorAnsweringAnOutsideRequestKeepsWhereTheRequestCameFrom() {
        // a payment provider's callback: sent from the HTTP thread, handling no message
        CommandMessage<NotifyCustomer> callback = GenericCommandMessage.<NotifyCustomer>asCommandMessage(
                new NotifyCustomer("o-1")).andMetaData(new AuditMetaData("system:payment-callback", ActorRole.SYSTEM,
                null, "203.0.113.77", "SandboxPay/1.0", "cb-1").toMetaData());

        CommandMessage<?> dispatched = new AuditMetaDataEnforcer().handle(List.of(callback)).apply(0, callback);

        assertThat(dispatched.getMetaData())
                .containsEntry(AuditKeys.CLIENT_IP, "203.0.113.77")
                .containsEntry(AuditKeys.USER_AGENT, "SandboxPay/1.0")
                .containsEntry(AuditKeys.CORRELATION_ID, "cb-1");
    }

    /** An event applied while handling the seller's command, as a saga later receives it. */
    private EventMessage<OrderShipped> sellersEvent() {
        UnitOfWork<?> handlingCommand = startHandling(GenericCommandMessage.<ShipOrder>asCommandMessage(
                new ShipOrder("o-1")).withMetaData(seller.toMetaData()));
        EventMessage<OrderShipped> event = new GenericEventMessage<>(new OrderShipped("o-1"));
        handlingCommand.commit();
        return event;
    }

    private UnitOfWork<?> startHandling(Message<?> message) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        providers.forEach(unitOfWork::registerCorrelationDataProvider);
        return unitOfWork;
    }
}
