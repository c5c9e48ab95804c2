package io.jangteo.graphql.audit;

import graphql.GraphQLContext;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberStatus;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.RecordPersonalDataAccess;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records staff reads of members' history before the history goes out: no record, no data. One record per member and
 * request, however many entries or fields of theirs the request shows. An erased (withdrawn) member has no personal
 * data left to read, and their aggregate takes no more records, so nothing is recorded for them.
 */
@Component
class PersonalDataReads {

    /** Fields named in the record: the history holds every kind of personal data the member ever had. */
    static final List<String> FIELDS = List.of("history");

    private static final String RECORDED = "jangteo.recordedPersonalReads";

    private final Commands commands;
    private final QueryGateway queryGateway;

    PersonalDataReads(Commands commands, QueryGateway queryGateway) {
        this.commands = commands;
        this.queryGateway = queryGateway;
    }

    static boolean isStaff(Actor actor) {
        return actor.role() == ActorRole.SUPPORT || actor.role() == ActorRole.ADMIN;
    }

    /** Completes once every member named (other than the caller) has a record of this staff read. */
    Mono<Void> record(Actor actor, RequestContext request, GraphQLContext context, Collection<MemberId> members,
                      String purpose) {
        if (!isStaff(actor) || members.isEmpty()) {
            return Mono.empty();
        }
        Set<String> recorded = context.computeIfAbsent(RECORDED, key -> ConcurrentHashMap.newKeySet());
        Set<MemberId> todo = new LinkedHashSet<>();
        for (MemberId member : members) {
            if (!member.value().equals(actor.id()) && recorded.add(member.value())) {
                todo.add(member);
            }
        }
        return Flux.fromIterable(todo)
                .concatMap(member -> Mono.fromFuture(() -> queryGateway.query(new FindMemberQuery(member),
                                ResponseTypes.optionalInstanceOf(MemberView.class)))
                        .flatMap(view -> mayHoldPersonalData(view)
                                ? Mono.fromFuture(() -> commands.send(
                                        new RecordPersonalDataAccess(member, FIELDS, purpose), actor, request))
                                .then()
                                : Mono.empty()))
                .then();
    }

    private static boolean mayHoldPersonalData(Optional<MemberView> member) {
        return member.isPresent() && member.get().status() != MemberStatus.WITHDRAWN;
    }
}
