package io.jangteo.graphql.support;

import io.jangteo.axon.audit.AuditMetaData;
import io.jangteo.graphql.ApiProperties;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.web.RequestContext;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

/**
 * Sends commands with the caller's audit metadata and gives mutations read-your-writes: it subscribes to the view
 * <em>before</em> sending, so no update can slip between the command and the wait, then answers with the first view
 * whose version has reached the command's. If the read model lags past the consistency timeout, it answers with the
 * freshest view it has rather than failing a change that did happen.
 */
@Component
public class Commands {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final Duration consistencyTimeout;

    Commands(CommandGateway commandGateway, QueryGateway queryGateway, ApiProperties properties) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.consistencyTimeout = properties.graphql().consistencyTimeout();
    }

    private static CommandMessage<?> message(Object command, Actor actor, RequestContext request) {
        AuditMetaData audit = new AuditMetaData(actor.id(), actor.role(), actor.sellerId(),
                request.clientIp(), request.userAgent(), request.requestId());
        return GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData());
    }

    /**
     * Sends a command with the caller's audit metadata and answers its result without waiting for any read model:
     * for answers that show no view (an upload accepted for background processing).
     */
    public CompletableFuture<Object> send(Object command, Actor actor, RequestContext request) {
        return commandGateway.send(message(command, actor, request));
    }

    /**
     * @param versionOf the version a view shows; a command handler's result is the version it produced (a creating
     *                  handler answers the new aggregate's id instead, and its version is 0)
     */
    public <V> Mono<Optional<V>> sendAndAwait(Object command, Actor actor, RequestContext request,
                                              Object viewQuery, Class<V> viewType, ToLongFunction<V> versionOf) {
        // the subscription is opened when the answer is subscribed to, before the command is sent, and closed however
        // the answer ends (value, error, or a client that went away)
        return Mono.using(
                () -> queryGateway.subscriptionQuery(
                        viewQuery, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType)),
                subscription -> Mono.fromFuture(() -> commandGateway.send(message(command, actor, request)))
                        .map(result -> result instanceof Number version ? version.longValue() : 0L)
                        .flatMap(version -> Flux.concat(subscription.initialResult().flatMap(Mono::justOrEmpty),
                                        subscription.updates())
                                .filter(view -> versionOf.applyAsLong(view) >= version)
                                .next()
                                .map(Optional::of)
                                .timeout(consistencyTimeout, Mono.defer(() -> latest(viewQuery, viewType)))),
                SubscriptionQueryResult::close);
    }

    private <V> Mono<Optional<V>> latest(Object viewQuery, Class<V> viewType) {
        return Mono.fromFuture(() -> queryGateway.query(viewQuery, ResponseTypes.optionalInstanceOf(viewType)));
    }
}
