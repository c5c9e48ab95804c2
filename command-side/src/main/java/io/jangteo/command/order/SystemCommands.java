package io.jangteo.command.order;

import io.jangteo.command.schedule.Refusals;
import io.jangteo.command.schedule.SystemActor;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends the commands of the order policies as their system actor and waits for the answer: a refusal for good is
 * logged and answered {@code false}; any other failure is thrown, so the event processor retries the event (or parks
 * it as a dead letter).
 */
final class SystemCommands {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway commandGateway;
    private final String actor;
    private final Logger log;

    SystemCommands(CommandGateway commandGateway, String actor, Logger log) {
        this.commandGateway = commandGateway;
        this.actor = actor;
        this.log = log;
    }

    /** True when the command went through. */
    boolean send(Object command, String what) {
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(SystemActor.metaData(actor)), TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RuntimeException failure) {
            Optional<RuleViolation> refusal = Refusals.permanent(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            log.warn("{} was refused: {} {}", what, refusal.get().code(), refusal.get().message());
            return false;
        }
    }
}
