package io.jangteo.graphql.operations;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.support.Cursors;
import io.jangteo.graphql.support.PageInfo;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.operations.DeadLetterPage;
import io.jangteo.messages.operations.DeadLetterView;
import io.jangteo.messages.operations.EvictDeadLetter;
import io.jangteo.messages.operations.FindDeadLettersQuery;
import io.jangteo.messages.operations.FindProjectionsQuery;
import io.jangteo.messages.operations.OperationOutcome;
import io.jangteo.messages.operations.ProjectionView;
import io.jangteo.messages.operations.RebuildProjection;
import io.jangteo.messages.operations.RetryDeadLetters;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Processor status, rebuilds and dead letters. Admins only: a rebuild empties a read model customers read from, and
 * dead letters hold copies of events (personal fields stay sealed, but the rest is business data).
 */
@Controller
class OperationsController {

    private static final String CURSOR_KIND = "dead-letter";
    private static final Pattern CURSOR_KEY = Pattern.compile("[0-9]{1,9}");
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final QueryGateway queryGateway;
    private final Commands commands;

    OperationsController(QueryGateway queryGateway, Commands commands) {
        this.queryGateway = queryGateway;
        this.commands = commands;
    }

    record ProjectionNode(String name, boolean rebuildable, String state, Long position, long headPosition,
                          long lagEvents, long lagSeconds, List<SegmentNode> segments, boolean replaying,
                          Double progressPercent, Double eventsPerSecond, Long estimatedSecondsLeft, String error,
                          long deadLetterCount, Instant sampledAt) {

        static ProjectionNode of(ProjectionView view) {
            return new ProjectionNode(view.name(), view.rebuildable(), view.state(), view.position(),
                    view.headPosition(), view.lagEvents(), view.lagSeconds(),
                    view.segments().stream().map(s -> new SegmentNode(s.segmentId(), s.mask(), s.position(),
                            s.caughtUp(), s.replaying(), s.error())).toList(),
                    view.replaying(), view.progressPercent(), view.eventsPerSecond(), view.etaSeconds(),
                    view.error(), view.deadLetters(), view.sampledAt());
        }
    }

    record SegmentNode(int id, int mask, Long position, boolean caughtUp, boolean replaying, String error) {
    }

    record DeadLetterEdge(String cursor, DeadLetterView node) {
    }

    record DeadLetterConnection(List<DeadLetterEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    record RebuildProjectionInput(String name) {
    }

    record RebuildProjectionPayload(ProjectionNode projection, List<UserError> errors) {
    }

    record RetryDeadLettersInput(String processor) {
    }

    record RetryDeadLettersPayload(long handled, long remaining, List<UserError> errors) {
    }

    record EvictDeadLetterInput(String processor, String id) {
    }

    record EvictDeadLetterPayload(String evictedId, List<UserError> errors) {
    }

    @QueryMapping
    Mono<List<ProjectionNode>> projections(Authentication authentication) {
        Actor.from(authentication).requireRole(ActorRole.ADMIN);
        return projections(FindProjectionsQuery.all());
    }

    @QueryMapping
    Mono<DeadLetterConnection> deadLetters(@Argument String processor, @Argument Integer first,
                                           @Argument String after, Authentication authentication) {
        Actor.from(authentication).requireRole(ActorRole.ADMIN);
        int limit = first == null ? DEFAULT_PAGE : first;
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'first' must be between 1 and " + MAX_PAGE);
        }
        String key = Cursors.decode(CURSOR_KIND, after, "after", CURSOR_KEY);
        int offset = key == null ? 0 : Integer.parseInt(key) + 1;
        return Mono.fromFuture(() -> queryGateway.query(new FindDeadLettersQuery(processor, offset, limit),
                        DeadLetterPage.class))
                .map(page -> {
                    List<DeadLetterEdge> edges = new ArrayList<>();
                    for (int i = 0; i < page.letters().size(); i++) {
                        edges.add(new DeadLetterEdge(Cursors.encode(CURSOR_KIND, String.valueOf(offset + i)),
                                page.letters().get(i)));
                    }
                    PageInfo info = new PageInfo(offset + edges.size() < page.totalCount(), offset > 0,
                            edges.isEmpty() ? null : edges.get(0).cursor(),
                            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
                    return new DeadLetterConnection(edges, info, page.totalCount());
                });
    }

    @MutationMapping
    Mono<RebuildProjectionPayload> rebuildProjection(@Argument RebuildProjectionInput input,
                                                     Authentication authentication,
                                                     @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN);
        if (input.name() == null || input.name().isBlank()) {
            return Mono.just(new RebuildProjectionPayload(null,
                    List.of(UserError.invalid(List.of("input", "name"), "Name a processor"))));
        }
        return send(new RebuildProjection(input.name()), actor, request)
                .flatMap(outcome -> outcome.refusal() != null
                        ? Mono.just(new RebuildProjectionPayload(null, List.of(UserError.of(outcome.refusal()))))
                        : projections(new FindProjectionsQuery(input.name()))
                        .map(found -> new RebuildProjectionPayload(found.isEmpty() ? null : found.get(0), List.of())));
    }

    @MutationMapping
    Mono<RetryDeadLettersPayload> retryDeadLetters(@Argument RetryDeadLettersInput input,
                                                   Authentication authentication,
                                                   @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN);
        return send(new RetryDeadLetters(input.processor()), actor, request)
                .flatMap(outcome -> outcome.refusal() != null
                        ? Mono.just(new RetryDeadLettersPayload(0, 0, List.of(UserError.of(outcome.refusal()))))
                        : Mono.fromFuture(() -> queryGateway.query(
                                        new FindDeadLettersQuery(input.processor(), 0, 1), DeadLetterPage.class))
                        .map(page -> new RetryDeadLettersPayload(outcome.affected(), page.totalCount(), List.of())));
    }

    @MutationMapping
    Mono<EvictDeadLetterPayload> evictDeadLetter(@Argument EvictDeadLetterInput input, Authentication authentication,
                                                 @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN);
        return send(new EvictDeadLetter(input.processor(), input.id()), actor, request)
                .map(outcome -> outcome.refusal() != null
                        ? new EvictDeadLetterPayload(null, List.of(UserError.of(outcome.refusal())))
                        : new EvictDeadLetterPayload(input.id(), List.of()));
    }

    @SubscriptionMapping
    Flux<ProjectionNode> projectionProgress(@Argument String name, Authentication authentication) {
        Actor.from(authentication).requireRole(ActorRole.ADMIN);
        FindProjectionsQuery query = new FindProjectionsQuery(name);
        return Flux.using(
                        () -> queryGateway.subscriptionQuery(query,
                                ResponseTypes.multipleInstancesOf(ProjectionView.class),
                                ResponseTypes.instanceOf(ProjectionView.class)),
                        result -> Flux.concat(result.initialResult().flatMapMany(Flux::fromIterable),
                                result.updates()),
                        SubscriptionQueryResult::close)
                .map(ProjectionNode::of);
    }

    private Mono<List<ProjectionNode>> projections(FindProjectionsQuery query) {
        return Mono.fromFuture(() -> queryGateway.query(query, ResponseTypes.multipleInstancesOf(ProjectionView.class)))
                .map(views -> views.stream().map(ProjectionNode::of).toList());
    }

    private Mono<OperationOutcome> send(Object command, Actor actor, RequestContext request) {
        return Mono.fromFuture(() -> commands.send(command, actor, request)).map(OperationOutcome.class::cast);
    }
}
