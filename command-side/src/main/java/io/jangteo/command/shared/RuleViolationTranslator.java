package io.jangteo.command.shared;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Turns rule violations into {@link CommandExecutionException}s whose details are a {@link RuleViolation}: the only
 * form of a failure that crosses Axon Server intact, so the API reads failures the same way in both runtime modes.
 */
public class RuleViolationTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainRuleViolation e) {
            throw refused(e.violation(), e);
        } catch (AggregateNotFoundException e) {
            throw refused(new RuleViolation(ErrorCode.NOT_FOUND, List.of(), "No such " + aggregateName(unitOfWork)), e);
        } catch (ConcurrencyException | ConflictingAggregateVersionException e) {
            throw refused(new RuleViolation(ErrorCode.CONFLICT, List.of(),
                    "Changed by someone else at the same time; retry"), e);
        }
    }

    private static CommandExecutionException refused(RuleViolation violation, Throwable cause) {
        return new CommandExecutionException(violation.message(), cause, violation);
    }

    private static String aggregateName(UnitOfWork<? extends CommandMessage<?>> unitOfWork) {
        String name = unitOfWork.getMessage().getPayloadType().getSimpleName();
        // "RenameProduct" -> "product": the target is the noun after the verb
        String noun = name.replaceFirst("^[A-Z][a-z]+", "");
        return noun.isEmpty() ? "aggregate" : noun.toLowerCase();
    }
}
