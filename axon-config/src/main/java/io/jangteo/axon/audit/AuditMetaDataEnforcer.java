package io.jangteo.axon.audit;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashSet;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Refuses to dispatch a command that does not carry the audit trail: an unattributed event must never be stored.
 * <p>
 * A command created while handling a message inherits that message's audit data (Axon's correlation data). When a
 * saga or scheduler then names itself as a system actor, the inherited client address, user agent and seller shop
 * belong to someone else, so they are removed here rather than left to mislead a support agent. A system actor that
 * acts on an outside request of its own (a payment provider's callback, sent from the HTTP thread, not while handling
 * a message) keeps that request's address and user agent: they say where the callback came from.
 */
final class AuditMetaDataEnforcer implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            MetaData metaData = command.getMetaData();
            List<String> missing = AuditKeys.REQUIRED.stream()
                    .filter(key -> metaData.get(key) == null)
                    .toList();
            if (!missing.isEmpty()) {
                throw new MissingAuditMetaDataException(command.getCommandName(), missing);
            }
            MetaData cleaned = clean(metaData, CurrentUnitOfWork.isStarted());
            return cleaned == metaData ? command : command.withMetaData(cleaned);
        };
    }

    static MetaData clean(MetaData metaData, boolean whileHandlingAMessage) {
        Object role = metaData.get(AuditKeys.ACTOR_ROLE);
        Set<String> foreign = new HashSet<>();
        if (!ActorRole.SELLER.name().equals(role)) {
            foreign.add(AuditKeys.ACTOR_SELLER_ID);
        }
        if (ActorRole.SYSTEM.name().equals(role) && whileHandlingAMessage) {
            foreign.add(AuditKeys.CLIENT_IP);
            foreign.add(AuditKeys.USER_AGENT);
        }
        foreign.retainAll(metaData.keySet());
        MetaData cleaned = foreign.isEmpty() ? metaData : metaData.withoutKeys(foreign);
        if (cleaned.get(AuditKeys.CORRELATION_ID) == null) {
            cleaned = cleaned.and(AuditKeys.CORRELATION_ID, cleaned.get(AuditKeys.REQUEST_ID));
        }
        return cleaned;
    }
}
