package io.jangteo.axon.metrics;

import io.jangteo.messages.shared.RuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.util.concurrent.TimeUnit;

/**
 * Times every handled command ({@code jangteo.commands}, tags {@code command} and {@code outcome}). The outcome is read
 * when the unit of work ends, not when the handler returns: events are appended after every interceptor has returned,
 * so a conflict found while appending is a rejection of the command, and only a commit makes it a success. Reading
 * the unit of work's result also makes the outcome independent of where this interceptor sits relative to the command
 * side's rule-violation translator: whatever the whole chain threw is what the unit of work holds.
 */
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String METER = "jangteo.commands";

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long start = System.nanoTime();
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        // a command sent from an event handler (a saga, media processing) runs in a nested unit of work that commits
        // with the handler's whole batch: its time ends when its handler does, not when the batch is stored
        boolean nested = !unitOfWork.isRoot();
        long[] handled = {-1};
        // a checked exception does not roll back by default: it commits, but the command still failed
        unitOfWork.afterCommit(u -> record(command, elapsed(start, nested, handled),
                exceptional(u) ? outcome(u.getExecutionResult().getExceptionResult()) : "success"));
        unitOfWork.onRollback(u -> record(command, elapsed(start, nested, handled),
                outcome(u.getExecutionResult() == null ? null : u.getExecutionResult().getExceptionResult())));
        try {
            return chain.proceed();
        } finally {
            handled[0] = System.nanoTime() - start;
        }
    }

    private static long elapsed(long start, boolean nested, long[] handled) {
        return nested && handled[0] >= 0 ? handled[0] : System.nanoTime() - start;
    }

    private static boolean exceptional(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getExecutionResult() != null && unitOfWork.getExecutionResult().isExceptionResult();
    }

    private void record(String command, long nanos, String outcome) {
        Timer.builder(METER)
                .description("Commands handled, by command and outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code rejected} for a business rule (as the translator sends it, or a conflict Axon found itself). */
    static String outcome(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommandExecutionException e && e.getDetails().filter(RuleViolation.class::isInstance).isPresent()) {
                return "rejected";
            }
            if (t instanceof ConcurrencyException || t instanceof ConflictingAggregateVersionException
                    || t instanceof AggregateStreamCreationException) {
                return "rejected";
            }
            if (isDomainRuleViolation(t.getClass())) {
                return "rejected";
            }
        }
        return "failed";
    }

    /** The command side's exception type, recognised by name: this module must not depend on the command side. */
    private static boolean isDomainRuleViolation(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getSimpleName().equals("DomainRuleViolation")) {
                return true;
            }
        }
        return false;
    }
}
