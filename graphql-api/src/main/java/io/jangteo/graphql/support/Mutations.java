package io.jangteo.graphql.support;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The one shape every mutation has: build the command from the input (refusing malformed input as a user error,
 * before anything is sent), send it with the caller's audit metadata, wait until the view shows the change, and
 * answer a payload — the view, or the business rule that refused the command. FORBIDDEN and unexpected failures
 * are not the caller's input to fix, so they go on to the GraphQL error mapping instead.
 */
@Component
public class Mutations {

    private final Commands commands;

    Mutations(Commands commands) {
        this.commands = commands;
    }

    /** A command and the query whose view shows its effect. */
    public record Prepared(Object command, Object viewQuery) {
    }

    public <V, P> Mono<P> run(Actor actor, RequestContext request, Supplier<Prepared> prepare, Class<V> viewType,
                              ToLongFunction<V> versionOf, BiFunction<V, List<UserError>, P> payload) {
        Prepared prepared;
        try {
            prepared = prepare.get();
        } catch (InvalidInput invalid) {
            return Mono.just(payload.apply(null, List.of(invalid.error())));
        }
        return commands.sendAndAwait(prepared.command(), actor, request, prepared.viewQuery(), viewType, versionOf)
                .map(view -> payload.apply(view.orElse(null), List.of()))
                .onErrorResume(failure -> userError(failure)
                        .map(error -> Mono.just(payload.apply(null, List.of(error))))
                        .orElseGet(() -> Mono.error(failure)));
    }

    /** Same as {@link #run} with a view mapped before it goes into the payload. */
    public <V, N, P> Mono<P> run(Actor actor, RequestContext request, Supplier<Prepared> prepare, Class<V> viewType,
                                 ToLongFunction<V> versionOf, Function<V, N> toNode,
                                 BiFunction<N, List<UserError>, P> payload) {
        return run(actor, request, prepare, viewType, versionOf,
                (V view, List<UserError> errors) -> payload.apply(view == null ? null : toNode.apply(view), errors));
    }

    static Optional<UserError> userError(Throwable failure) {
        Optional<RuleViolation> violation = Rejections.violation(failure);
        if (violation.isEmpty() || violation.get().code() == ErrorCode.FORBIDDEN) {
            return Optional.empty();
        }
        return Optional.of(UserError.of(violation.get()));
    }
}
