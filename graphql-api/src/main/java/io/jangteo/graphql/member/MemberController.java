package io.jangteo.graphql.member;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.support.Cursors;
import io.jangteo.graphql.support.PageInfo;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FindMemberAsOfQuery;
import io.jangteo.messages.member.AddressView;
import io.jangteo.messages.member.ConsentView;
import io.jangteo.messages.member.FindMemberHistoryQuery;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.FindMembersQuery;
import io.jangteo.messages.member.FindPointsLedgerQuery;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.member.IdentityView;
import io.jangteo.messages.member.MemberFilter;
import io.jangteo.messages.member.MemberHistoryPage;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberPage;
import io.jangteo.messages.member.MemberStatus;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.PaymentMethodView;
import io.jangteo.messages.member.PointsLedgerEntryView;
import io.jangteo.messages.member.PointsLedgerPage;
import io.jangteo.messages.member.RecordPersonalDataAccess;
import io.jangteo.messages.rewards.GradeRule;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Member queries and the Member type's fields. Personal fields resolve for the member, support and admins only
 * (others get FORBIDDEN on the field), and every time support or an admin reads another member's personal fields the
 * read is recorded on that member's history first: no record, no data.
 */
@Controller
class MemberController {

    /** Fields of Member that hold personal data. */
    static final Set<String> PERSONAL_FIELDS = Set.of(
            "email", "name", "phone", "addresses", "identityVerification", "paymentMethods", "history");

    /** Local-context key under which the session mutations name the member they signed in. */
    static final String SESSION_MEMBER = "jangteo.sessionMember";

    /** Local-context key under which member(id, asOf) names a member shown as they were but erased since. */
    static final String ERASED_MEMBER = "jangteo.erasedMember";

    private static final Pattern CURSOR_KEY = Pattern.compile("[\\x21-\\x7e]{1,512}");
    private static final int DEFAULT_PAGE = 20;

    private final QueryGateway queryGateway;
    private final Commands commands;
    private final GradeTable grades;

    MemberController(QueryGateway queryGateway, Commands commands, GradeTable grades) {
        this.queryGateway = queryGateway;
        this.commands = commands;
        this.grades = grades;
    }

    @QueryMapping
    Mono<MemberView> me(Authentication authentication) {
        Actor actor = Actor.from(authentication);
        if (actor.isAnonymous() || !MemberAccess.looksLikeMemberId(actor.id())) {
            return Mono.empty();
        }
        return find(MemberId.of(actor.id()));
    }

    @QueryMapping
    Mono<DataFetcherResult<MemberView>> member(@Argument String id, @Argument Instant asOf,
                                               Authentication authentication, DataFetchingEnvironment environment,
                                               @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication);
        MemberId memberId = MemberAccess.memberId(id, "id");
        MemberAccess.assertMayRead(actor, memberId);
        Set<String> personal = personalFieldsSelected(environment, "");
        if (asOf == null) {
            return find(memberId).flatMap(member -> audited(actor, request, member, personal))
                    .map(member -> DataFetcherResult.<MemberView>newResult().data(member).build());
        }
        Mono<Optional<MemberView>> then = Mono.fromFuture(() -> queryGateway.query(
                new FindMemberAsOfQuery(memberId, AsOf.of(asOf)), ResponseTypes.optionalInstanceOf(MemberView.class)));
        Mono<Optional<MemberView>> now = find(memberId).map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(then, now).flatMap(views -> {
            MemberView past = views.getT1().orElseThrow(() -> new ApiException(ApiException.Code.NOT_FOUND,
                    "The member was not registered yet at that instant"));
            // erasure reaches back: the member as they were still shows no personal data once they withdrew, and
            // there is nothing left whose reading could be recorded
            boolean erasedSince = views.getT2().map(m -> m.status() == MemberStatus.WITHDRAWN).orElse(false);
            Mono<MemberView> answer = erasedSince ? Mono.just(past) : audited(actor, request, past, personal);
            return answer.map(member -> DataFetcherResult.<MemberView>newResult().data(member)
                    .localContext(erasedSince ? GraphQLContext.newContext().of(ERASED_MEMBER, member.memberId().value())
                            .build() : null)
                    .build());
        });
    }

    @QueryMapping
    Mono<MemberConnection> members(@Argument MemberFilter filter, @Argument Integer first, @Argument String after,
                                   Authentication authentication, DataFetchingEnvironment environment,
                                   @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.SUPPORT, ActorRole.ADMIN, ActorRole.ANALYST);
        int size = pageSize(first, FindMembersQuery.MAX_PAGE_SIZE);
        FindMembersQuery query = new FindMembersQuery(filter, size, Cursors.decode("member", after, "after", CURSOR_KEY));
        Set<String> personal = personalFieldsSelected(environment, "edges/node/");
        return Mono.fromFuture(() -> queryGateway.query(query, MemberPage.class))
                .flatMap(page -> Flux.fromIterable(page.items())
                        .concatMap(member -> audited(actor, request, member, personal))
                        .then(Mono.just(page)))
                .map(page -> {
                    List<Edge<MemberView>> edges = new ArrayList<>();
                    for (int i = 0; i < page.items().size(); i++) {
                        edges.add(new Edge<>(Cursors.encode("member", page.cursors().get(i)), page.items().get(i)));
                    }
                    return new MemberConnection(edges, pageInfo(edges, page.hasNextPage(), after), page.totalCount());
                });
    }

    @QueryMapping
    List<GradeNode> memberGrades() {
        return grades.grades().stream().map(this::grade).toList();
    }

    // ---- Member fields ----

    @SchemaMapping(typeName = "Member", field = "id")
    String id(MemberView member) {
        return member.memberId().value();
    }

    @SchemaMapping(typeName = "Member", field = "status")
    MemberStatus status(MemberView member) {
        return MemberAccess.effectiveStatus(member, Instant.now());
    }

    @SchemaMapping(typeName = "Member", field = "lockedUntil")
    Instant lockedUntil(MemberView member) {
        return MemberAccess.effectiveStatus(member, Instant.now()) == MemberStatus.LOCKED ? member.lockedUntil() : null;
    }

    @SchemaMapping(typeName = "Member", field = "email")
    String email(MemberView member, Authentication authentication, DataFetchingEnvironment environment) {
        return personal(member, authentication, environment, MemberView::email);
    }

    @SchemaMapping(typeName = "Member", field = "name")
    String name(MemberView member, Authentication authentication, DataFetchingEnvironment environment) {
        return personal(member, authentication, environment, MemberView::name);
    }

    @SchemaMapping(typeName = "Member", field = "phone")
    String phone(MemberView member, Authentication authentication, DataFetchingEnvironment environment) {
        return personal(member, authentication, environment, MemberView::phone);
    }

    @SchemaMapping(typeName = "Member", field = "addresses")
    List<AddressNode> addresses(MemberView member, Authentication authentication, DataFetchingEnvironment environment) {
        return personal(member, authentication, environment,
                m -> m.addresses().stream().map(AddressNode::of).toList());
    }

    @SchemaMapping(typeName = "Member", field = "identityVerification")
    IdentityView identityVerification(MemberView member, Authentication authentication, DataFetchingEnvironment environment) {
        return personal(member, authentication, environment, MemberView::identity);
    }

    @SchemaMapping(typeName = "Member", field = "paymentMethods")
    List<PaymentMethodView> paymentMethods(MemberView member, Authentication authentication, DataFetchingEnvironment environment) {
        return personal(member, authentication, environment, MemberView::paymentMethods);
    }

    @SchemaMapping(typeName = "Member", field = "marketingConsents")
    Map<String, ConsentView> marketingConsents(MemberView member) {
        return Map.of("email", consent(member.emailConsent()), "sms", consent(member.smsConsent()));
    }

    @SchemaMapping(typeName = "Member", field = "grade")
    GradeNode grade(MemberView member) {
        GradeRule rule = member.grade() == null ? grades.lowest() : grades.find(member.grade()).orElse(grades.lowest());
        return grade(rule);
    }

    @SchemaMapping(typeName = "Member", field = "erased")
    boolean erased(MemberView member, DataFetchingEnvironment environment) {
        return member.status() == MemberStatus.WITHDRAWN
                || environment.getLocalContext() instanceof GraphQLContext context
                && member.memberId().value().equals(context.get(ERASED_MEMBER));
    }

    @SchemaMapping(typeName = "Member", field = "pointsLedger")
    Mono<Connection<PointsLedgerEntryView>> pointsLedger(MemberView member, @Argument Integer first,
                                                           @Argument String after, Authentication authentication,
                                                           DataFetchingEnvironment environment) {
        if (!signedInByThisRequest(environment, member)) {
            MemberAccess.assertMayRead(Actor.from(authentication), member.memberId());
        }
        FindPointsLedgerQuery query = new FindPointsLedgerQuery(member.memberId(),
                pageSize(first, FindPointsLedgerQuery.MAX_PAGE_SIZE), Cursors.decode("ledger", after, "after", CURSOR_KEY));
        return Mono.fromFuture(() -> queryGateway.query(query, PointsLedgerPage.class))
                .map(page -> connection("ledger", page.items(), page.cursors(), page.hasNextPage(), after,
                        page.totalCount()));
    }

    @SchemaMapping(typeName = "Member", field = "history")
    Mono<Connection<HistoryEntryView>> history(MemberView member, @Argument Integer first, @Argument String after,
                                               Authentication authentication,
                                               @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication);
        if (!MemberAccess.mayReadPersonal(actor, member.memberId())) {
            throw new ApiException(ApiException.Code.FORBIDDEN, "Only the member, support and admins read a history");
        }
        FindMemberHistoryQuery query = new FindMemberHistoryQuery(member.memberId(),
                pageSize(first, FindMemberHistoryQuery.MAX_PAGE_SIZE), Cursors.decode("history", after, "after", CURSOR_KEY));
        // the member query already recorded a staff read of "history" before any field resolved
        return Mono.fromFuture(() -> queryGateway.query(query, MemberHistoryPage.class))
                .map(page -> connection("history", page.items(), page.cursors(), page.hasNextPage(), after,
                        page.totalCount()));
    }

    @SchemaMapping(typeName = "HistoryEntry", field = "actor")
    Map<String, String> actor(HistoryEntryView entry) {
        Map<String, String> actor = new java.util.HashMap<>();
        actor.put("id", entry.actorId());
        actor.put("role", entry.actorRole());
        return actor;
    }

    @SchemaMapping(typeName = "HistoryEntry", field = "payload")
    String payload(HistoryEntryView entry) {
        return entry.payloadJson();
    }

    @SchemaMapping(typeName = "IdentityVerification", field = "birthDate")
    String birthDate(IdentityView identity) {
        return identity.birthDate() == null ? null : identity.birthDate().toString();
    }

    @SchemaMapping(typeName = "PaymentMethod", field = "id")
    String paymentMethodId(PaymentMethodView method) {
        return method.paymentMethodId().value();
    }

    // ---- helpers ----

    private Mono<MemberView> find(MemberId memberId) {
        return Mono.fromFuture(() -> queryGateway.query(new FindMemberQuery(memberId),
                        ResponseTypes.optionalInstanceOf(MemberView.class)))
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Records a staff read of another member's personal fields before the data goes out. An erased member has none
     * left to read, so nothing is recorded for them.
     */
    private Mono<MemberView> audited(Actor actor, RequestContext request, MemberView member, Set<String> personal) {
        if (personal.isEmpty() || !MemberAccess.isStaffReader(actor, member.memberId())
                || member.status() == MemberStatus.WITHDRAWN) {
            return Mono.just(member);
        }
        RecordPersonalDataAccess record = new RecordPersonalDataAccess(member.memberId(), List.copyOf(personal), null);
        return Mono.fromFuture(() -> commands.send(record, actor, request)).thenReturn(member);
    }

    private static Set<String> personalFieldsSelected(DataFetchingEnvironment environment, String prefix) {
        Set<String> selected = new TreeSet<>();
        for (SelectedField field : environment.getSelectionSet().getFields()) {
            String path = field.getQualifiedName();
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                if (!rest.contains("/") && PERSONAL_FIELDS.contains(rest)) {
                    selected.add(rest);
                }
            }
        }
        return selected;
    }

    private static <T> T personal(MemberView member, Authentication authentication,
                                  DataFetchingEnvironment environment, Function<MemberView, T> field) {
        if (!MemberAccess.mayReadPersonal(Actor.from(authentication), member.memberId())
                && !signedInByThisRequest(environment, member)) {
            throw new ApiException(ApiException.Code.FORBIDDEN,
                    "Personal fields are for the member, support and admins");
        }
        return field.apply(member);
    }

    /**
     * A sign-in's payload shows the member who just proved who they are, although the request itself carried no
     * token yet; the session mutations mark their answer with that member's id.
     */
    private static boolean signedInByThisRequest(DataFetchingEnvironment environment, MemberView member) {
        return environment.getLocalContext() instanceof GraphQLContext context
                && member.memberId().value().equals(context.get(SESSION_MEMBER));
    }

    private static ConsentView consent(ConsentView consent) {
        return consent == null ? new ConsentView(false, null) : consent;
    }

    private GradeNode grade(GradeRule rule) {
        return new GradeNode(rule.code(), rule.name(), new Money(rule.minPurchase(), grades.currency()),
                rule.pointsRatePermille());
    }

    private static int pageSize(Integer first, int max) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 0 || size > max) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "Page size must be between 0 and " + max);
        }
        return size;
    }

    private static <T> Connection<T> connection(String kind, List<T> items, List<String> cursors, boolean hasNext,
                                                String after, long totalCount) {
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            edges.add(new Edge<>(Cursors.encode(kind, cursors.get(i)), items.get(i)));
        }
        return new Connection<>(edges, pageInfo(edges, hasNext, after), totalCount);
    }

    private static <T> PageInfo pageInfo(List<Edge<T>> edges, boolean hasNext, String after) {
        return new PageInfo(hasNext, after != null, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
    }

    record Edge<T>(String cursor, T node) {
    }

    record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {
    }

    record MemberConnection(List<Edge<MemberView>> edges, PageInfo pageInfo, long totalCount) {
    }

    record GradeNode(String code, String name, Money minPurchase, int pointsRatePermille) {
    }

    /** An address with its id and default flag flattened, as the schema shows it. */
    record AddressNode(String id, String label, String recipient, String phone, String country, String postcode,
                       String line1, String line2, String city, String region, boolean isDefault) {
        static AddressNode of(AddressView view) {
            var a = view.address();
            return a == null
                    ? new AddressNode(view.addressId().value(), null, null, null, null, null, null, null, null, null,
                    view.isDefault())
                    : new AddressNode(view.addressId().value(), a.label(), a.recipient(), a.phone(), a.country(),
                    a.postcode(), a.line1(), a.line2(), a.city(), a.region(), view.isDefault());
        }
    }
}
