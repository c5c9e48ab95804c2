package io.jangteo.graphql.audit;

import graphql.schema.DataFetchingEnvironment;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.Cursors;
import io.jangteo.graphql.support.PageInfo;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.audit.AuditEntryView;
import io.jangteo.messages.audit.AuditFilter;
import io.jangteo.messages.audit.AuditLogPage;
import io.jangteo.messages.audit.ChangesView;
import io.jangteo.messages.audit.FindAuditLogQuery;
import io.jangteo.messages.audit.FindChangesQuery;
import io.jangteo.messages.audit.FindMemberTimelineQuery;
import io.jangteo.messages.audit.FindStoredEventQuery;
import io.jangteo.messages.audit.MemberTimelinePage;
import io.jangteo.messages.audit.TimelineCategory;
import io.jangteo.messages.audit.TimelineEntryView;
import io.jangteo.messages.audit.TimelineFilter;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The audit trail for support: the audit log over every stored event, a member's timeline, one stored event, and the
 * changes of an aggregate between two instants. History shows personal data (addresses, phones, who bought what), so
 * only support and admins read it at large, a member reads their own streams, and everyone else, analysts included,
 * is refused; every staff read of a member's history is recorded on that member before it is answered.
 */
@Controller
class AuditController {

    private static final Pattern CURSOR_KEY = Pattern.compile("[\\x21-\\x7e]{1,512}");
    private static final int DEFAULT_PAGE = 20;

    private final QueryGateway queryGateway;
    private final HistoryAccess access;
    private final PersonalDataReads reads;

    AuditController(QueryGateway queryGateway, HistoryAccess access, PersonalDataReads reads) {
        this.queryGateway = queryGateway;
        this.access = access;
        this.reads = reads;
    }

    record AuditLogFilterInput(String aggregateType, String aggregateId, String actorId, List<String> eventTypes,
                               Instant from, Instant to, String correlationId) {
    }

    record TimelineFilterInput(List<TimelineCategory> categories, Instant from, Instant to) {
    }

    record Edge<T>(String cursor, T node) {
    }

    record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {
    }

    // ---- queries ----

    @QueryMapping
    Mono<Connection<AuditEntryView>> auditLog(@Argument AuditLogFilterInput filter, @Argument Integer first,
                                              @Argument String after, Authentication authentication,
                                              DataFetchingEnvironment environment,
                                              @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication);
        HistoryAccess.signedIn(actor);
        AuditFilter auditFilter = filter(filter);
        int size = pageSize(first, FindAuditLogQuery.MAX_PAGE_SIZE);
        // rebuilding states for "what changed" is the expensive part: only when the caller shows it
        boolean withChanges = environment.getSelectionSet().contains("edges/node/changes");
        FindAuditLogQuery query = new FindAuditLogQuery(auditFilter, size,
                Cursors.decode("audit", after, "after", CURSOR_KEY), withChanges);
        return access.assertMayRead(actor, auditFilter.aggregateId())
                .then(Mono.fromFuture(() -> queryGateway.query(query, AuditLogPage.class)))
                .flatMap(page -> recorded(actor, request, environment,
                        page.items().stream().map(AuditEntryView::event).toList(), "audit log").thenReturn(page))
                .map(page -> {
                    List<Edge<AuditEntryView>> edges = new ArrayList<>();
                    for (int i = 0; i < page.items().size(); i++) {
                        edges.add(new Edge<>(Cursors.encode("audit", page.cursors().get(i)), page.items().get(i)));
                    }
                    return new Connection<>(edges, pageInfo(edges, page.hasNextPage(), after != null),
                            page.totalCount());
                });
    }

    @QueryMapping
    Mono<Connection<TimelineEntryView>> memberTimeline(@Argument String memberId, @Argument TimelineFilterInput filter,
                                                       @Argument Integer first, @Argument String after,
                                                       @Argument Integer last, @Argument String before,
                                                       Authentication authentication,
                                                       DataFetchingEnvironment environment,
                                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication);
        MemberId member = HistoryAccess.memberId(memberId);
        HistoryAccess.assertMayReadTimeline(actor, member);
        if (first != null && last != null) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "Give 'first' or 'last', not both");
        }
        int lastSize = last == null ? 0 : pageSize(last, FindMemberTimelineQuery.MAX_PAGE_SIZE);
        int firstSize = last != null ? 0 : pageSize(first, FindMemberTimelineQuery.MAX_PAGE_SIZE);
        FindMemberTimelineQuery query = new FindMemberTimelineQuery(member, timelineFilter(filter), firstSize,
                Cursors.decode("timeline", after, "after", CURSOR_KEY), lastSize,
                Cursors.decode("timeline", before, "before", CURSOR_KEY));
        // recorded first, so the staff read is itself on the timeline it answers with
        return reads.record(actor, request, environment.getGraphQlContext(), List.of(member), "member timeline")
                .then(Mono.fromFuture(() -> queryGateway.query(query, MemberTimelinePage.class)))
                .map(page -> {
                    List<Edge<TimelineEntryView>> edges = new ArrayList<>();
                    for (int i = 0; i < page.items().size(); i++) {
                        edges.add(new Edge<>(Cursors.encode("timeline", page.cursors().get(i)), page.items().get(i)));
                    }
                    PageInfo info = new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                            edges.isEmpty() ? null : edges.get(0).cursor(),
                            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
                    return new Connection<>(edges, info, page.totalCount());
                });
    }

    @QueryMapping
    Mono<ChangesView> changes(@Argument String aggregateId, @Argument Instant from, @Argument Instant to,
                              Authentication authentication, DataFetchingEnvironment environment,
                              @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.SUPPORT, ActorRole.ADMIN);
        if (to.isBefore(from)) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'to' must not be before 'from'");
        }
        FindChangesQuery query = new FindChangesQuery(HistoryAccess.aggregateId(aggregateId), from, to);
        return Mono.fromFuture(() -> queryGateway.query(query, ResponseTypes.optionalInstanceOf(ChangesView.class)))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new ApiException(ApiException.Code.NOT_FOUND,
                        "No events for aggregate '" + aggregateId + "'")))
                .flatMap(changes -> access.memberOf(actor, changes.aggregateType(), changes.aggregateId())
                        .flatMap(member -> reads.record(actor, request, environment.getGraphQlContext(),
                                List.of(member), "changes"))
                        .thenReturn(changes));
    }

    @QueryMapping
    Mono<HistoryEntryView> storedEvent(@Argument String aggregateId, @Argument Long sequenceNumber,
                                       Authentication authentication, DataFetchingEnvironment environment,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication);
        HistoryAccess.signedIn(actor);
        String id = HistoryAccess.aggregateId(aggregateId);
        if (sequenceNumber < 0) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'sequenceNumber' must not be negative");
        }
        FindStoredEventQuery query = new FindStoredEventQuery(id, sequenceNumber);
        return access.assertMayRead(actor, id)
                .then(Mono.fromFuture(() -> queryGateway.query(query,
                        ResponseTypes.optionalInstanceOf(HistoryEntryView.class))))
                .flatMap(Mono::justOrEmpty)
                .flatMap(entry -> recorded(actor, request, environment, List.of(entry), "stored event")
                        .thenReturn(entry));
    }

    // ---- fields ----

    @SchemaMapping(typeName = "TimelineEntry", field = "actor")
    Map<String, String> actor(TimelineEntryView entry) {
        Map<String, String> actor = new HashMap<>();
        actor.put("id", entry.actorId());
        actor.put("role", entry.actorRole());
        return actor;
    }

    /**
     * Read from the event store only when asked: a timeline page of 200 entries costs no payloads unless the support
     * console opens one. The timeline query already decided who may read the member's events and recorded the read.
     */
    @SchemaMapping(typeName = "TimelineEntry", field = "event")
    Mono<HistoryEntryView> event(TimelineEntryView entry) {
        return Mono.fromFuture(() -> queryGateway.query(
                        new FindStoredEventQuery(entry.aggregateId(), entry.sequenceNumber()),
                        ResponseTypes.optionalInstanceOf(HistoryEntryView.class)))
                .flatMap(Mono::justOrEmpty);
    }

    // ---- helpers ----

    /** Records a staff read on every member whose streams the entries come from; nothing for anyone else. */
    private Mono<Void> recorded(Actor actor, RequestContext request, DataFetchingEnvironment environment,
                                List<HistoryEntryView> entries, String purpose) {
        if (!HistoryAccess.isStaff(actor) || entries.isEmpty()) {
            return Mono.empty();
        }
        return access.membersIn(actor, entries)
                .flatMap(members -> reads.record(actor, request, environment.getGraphQlContext(), members, purpose));
    }

    private static AuditFilter filter(AuditLogFilterInput input) {
        if (input == null) {
            return AuditFilter.none();
        }
        try {
            return new AuditFilter(blankToNull(input.aggregateType()), blankToNull(input.aggregateId()),
                    blankToNull(input.actorId()), input.eventTypes(), input.from(), input.to(),
                    blankToNull(input.correlationId()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'filter.from' must be before 'filter.to'");
        }
    }

    private static TimelineFilter timelineFilter(TimelineFilterInput input) {
        if (input == null) {
            return TimelineFilter.none();
        }
        try {
            Set<TimelineCategory> categories = input.categories() == null
                    ? Set.of() : new LinkedHashSet<>(input.categories());
            return new TimelineFilter(categories, input.from(), input.to());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'filter.from' must be before 'filter.to'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int pageSize(Integer requested, int max) {
        int size = requested == null ? DEFAULT_PAGE : requested;
        if (size < 0 || size > max) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "Page size must be between 0 and " + max);
        }
        return size;
    }

    private static <T> PageInfo pageInfo(List<Edge<T>> edges, boolean hasNext, boolean hasPrevious) {
        return new PageInfo(hasNext, hasPrevious, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
    }
}
