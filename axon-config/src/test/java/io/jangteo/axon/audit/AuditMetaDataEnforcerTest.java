package io.jangteo.axon.audit;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditMetaDataEnforcerTest {

    record ArchiveProduct(String productId) {
    }

    private final AuditMetaDataEnforcer enforcer = new AuditMetaDataEnforcer();

    @Test
    void refusesACommandWithoutAuditMetaDataNamingEveryMissingKey() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new ArchiveProduct("p-1"));

        assertThatThrownBy(() -> enforcer.handle(command))
                .isInstanceOf(MissingAuditMetaDataException.class)
                .hasMessageContaining(ArchiveProduct.class.getName())
                .hasMessageContaining("[actorId, actorRole, requestId]")
                .hasMessageContaining("AuditMetaData.system(name)");
    }

    @Test
    void namesOnlyTheKeysThatAreMissing() {
        CommandMessage<?> command = GenericCommandMessage.<ArchiveProduct>asCommandMessage(new ArchiveProduct("p-1"))
                .withMetaData(Map.of(AuditKeys.ACTOR_ID, "u-7", AuditKeys.ACTOR_ROLE, "ADMIN"));

        assertThatThrownBy(() -> enforcer.handle(command))
                .isInstanceOf(MissingAuditMetaDataException.class)
                .hasMessageContaining("[requestId]")
                .hasMessageNotContaining("actorId")
                .hasMessageNotContaining("actorRole");
    }

    @Test
    void letsACommandWithAuditMetaDataPassUnchanged() {
        CommandMessage<?> command = GenericCommandMessage.<ArchiveProduct>asCommandMessage(new ArchiveProduct("p-1"))
                .withMetaData(new AuditMetaData("u-7", ActorRole.ADMIN, null, null, null, "req-1").toMetaData());

        assertThat(enforcer.handle(command)).isSameAs(command);
    }

    @Test
    void checksEachCommandOfABatch() {
        MetaData audited = AuditMetaData.system("checkout").toMetaData();
        List<CommandMessage<?>> batch = List.of(
                GenericCommandMessage.<ArchiveProduct>asCommandMessage(new ArchiveProduct("p-1")).withMetaData(audited),
                GenericCommandMessage.asCommandMessage(new ArchiveProduct("p-2")));

        var intercept = enforcer.handle(batch);

        // a system actor outside any chain roots one: its request id becomes the correlation id
        assertThat(intercept.apply(0, batch.get(0)).getMetaData())
                .containsEntry(AuditKeys.ACTOR_ID, "system:checkout")
                .containsEntry(AuditKeys.CORRELATION_ID, audited.get(AuditKeys.REQUEST_ID));
        assertThatThrownBy(() -> intercept.apply(1, batch.get(1))).isInstanceOf(MissingAuditMetaDataException.class);
    }

    @Test
    void anUnattributedCommandNeverReachesItsHandler() {
        // the enforcer sits on the gateway: the refusal must come before the bus, where events get stored
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AtomicInteger handled = new AtomicInteger();
        commandBus.subscribe(ArchiveProduct.class.getName(), message -> handled.incrementAndGet());
        CommandGateway gateway = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(enforcer)
                .build();

        assertThatThrownBy(() -> gateway.sendAndWait(new ArchiveProduct("p-1")))
                .isInstanceOf(MissingAuditMetaDataException.class);
        gateway.sendAndWait(GenericCommandMessage.<ArchiveProduct>asCommandMessage(new ArchiveProduct("p-1"))
                .withMetaData(AuditMetaData.system("archiver").toMetaData()));

        assertThat(handled).hasValue(1);
    }
}
