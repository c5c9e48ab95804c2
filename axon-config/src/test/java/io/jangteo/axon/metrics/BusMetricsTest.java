package io.jangteo.axon.metrics;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command timer's outcomes and the append counter's timing, on a real command bus and real units of work. */
class BusMetricsTest {

    record Succeed() {
    }

    record BreakRule() {
    }

    record Crash() {
    }

    record Something(String id) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void commandsAreTimedBySuccessRejectionAndFailure() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new CommandMetrics(registry));
        bus.subscribe(Succeed.class.getName(), m -> "ok");
        bus.subscribe(BreakRule.class.getName(), m -> {
            throw new CommandExecutionException("no", null,
                    new RuleViolation(ErrorCode.INVALID_STATE, List.of(), "not now"));
        });
        bus.subscribe(Crash.class.getName(), m -> {
            throw new IllegalStateException("boom");
        });
        DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();

        gateway.sendAndWait(new Succeed());
        assertThatThrownBy(() -> gateway.sendAndWait(new BreakRule())).isInstanceOf(CommandExecutionException.class);
        assertThatThrownBy(() -> gateway.sendAndWait(new Crash())).isInstanceOf(IllegalStateException.class);

        assertThat(count("Succeed", "success")).isEqualTo(1);
        assertThat(count("BreakRule", "rejected")).isEqualTo(1);
        assertThat(count("Crash", "failed")).isEqualTo(1);
        assertThat(registry.find(CommandMetrics.METER).timers()).hasSize(3);
    }

    @Test
    void aCommandSentFromAnEventHandlerCountsOnceItsHandlersBatchCommits() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new CommandMetrics(registry));
        bus.subscribe(Succeed.class.getName(), m -> "ok");
        DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage(new Something("e-1")));
        gateway.sendAndWait(new Succeed());
        assertThat(registry.find(CommandMetrics.METER).timer()).as("its events are not stored yet").isNull();
        batch.commit();

        assertThat(count("Succeed", "success")).isEqualTo(1);
    }

    @Test
    void eventsAreCountedWhenTheirUnitOfWorkCommitsAndNotWhenItRollsBack() {
        EventAppendMetrics metrics = new EventAppendMetrics(registry);

        UnitOfWork<CommandMessage<?>> rolledBack = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(new Succeed()));
        intercept(metrics, event());
        rolledBack.rollback();
        assertThat(registry.find(EventAppendMetrics.METER).counter()).isNull();

        UnitOfWork<CommandMessage<?>> committed = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(new Succeed()));
        EventMessage<?> passed = intercept(metrics, event());
        assertThat(registry.find(EventAppendMetrics.METER).counter()).as("not before the commit").isNull();
        committed.commit();

        assertThat(registry.get(EventAppendMetrics.METER).tag("aggregate_type", "Thing")
                .tag("event_type", "Something").counter().count()).isEqualTo(1);
        assertThat(passed.getMetaData()).as("audit metadata passes unchanged").containsEntry("actorId", "u-1");
    }

    private static EventMessage<?> intercept(EventAppendMetrics metrics, EventMessage<?> event) {
        return metrics.handle(List.of(event)).apply(0, event);
    }

    private static EventMessage<?> event() {
        return new GenericDomainEventMessage<>("Thing", "t-1", 0, new Something("t-1"),
                MetaData.with("actorId", "u-1"));
    }

    private double count(String command, String outcome) {
        return registry.get(CommandMetrics.METER).tag("command", command).tag("outcome", outcome).timer().count();
    }
}
