package io.jangteo.axon.audit;

import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/** Refuses to dispatch a command that does not carry the audit trail: an unattributed event must never be stored. */
final class AuditMetaDataEnforcer implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            List<String> missing = AuditKeys.REQUIRED.stream()
                    .filter(key -> command.getMetaData().get(key) == null)
                    .toList();
            if (!missing.isEmpty()) {
                throw new MissingAuditMetaDataException(command.getCommandName(), missing);
            }
            return command;
        };
    }
}
