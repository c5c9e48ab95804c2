package io.jangteo.command.shared;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.lang.reflect.Field;
import java.util.List;

/**
 * Turns rule violations (and conflicts detected while the handler runs) into {@link CommandExecutionException}s whose details are a {@link RuleViolation}: the only
 * form of a failure that crosses Axon Server intact, so the API reads failures the same way in both runtime modes. A conflict found only when the events are appended,
 * after this interceptor has returned, reaches the sender as Axon's own exception; the API maps those too.
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
        } catch (ConcurrencyException | ConflictingAggregateVersionException | AggregateStreamCreationException e) {
            throw refused(RuleViolation.conflict(), e);
        }
    }

    private static CommandExecutionException refused(RuleViolation violation, Throwable cause) {
        return new CommandExecutionException(violation.message(), cause, violation);
    }

    private static String aggregateName(UnitOfWork<? extends CommandMessage<?>> unitOfWork) {
        Class<?> command = unitOfWork.getMessage().getPayloadType();
        // the target's id type names the aggregate ("ProductId" -> "product"), also for commands named after a part
        // of it (ReserveStock, AttachMedia); the command's first noun is the guess when there is no such type
        for (Field field : command.getDeclaredFields()) {
            String type = field.getType().getSimpleName();
            if (field.isAnnotationPresent(TargetAggregateIdentifier.class) && type.endsWith("Id")) {
                return words(type.substring(0, type.length() - 2));
            }
        }
        String[] words = command.getSimpleName().split("(?=[A-Z])");
        return words.length < 2 ? "aggregate" : words[1].toLowerCase();
    }

    private static String words(String camelCase) {
        return String.join(" ", camelCase.split("(?=[A-Z])")).toLowerCase();
    }
}
