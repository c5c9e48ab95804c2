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
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Completes once every member named (other than the caller) has a record of this staff read. Fields of one request
     * that show the same member share one record, and each of them waits for it: if it fails, none of them answers.
     */
    Mono<Void> record(Actor actor, RequestContext request, GraphQLContext context, Collection<MemberId> members,
                      String purpose) {
        if (!HistoryAccess.isStaff(actor) || members.isEmpty()) {
            return Mono.empty();
        }
        Map<String, Mono<Void>> recorded = context.computeIfAbsent(RECORDED, key -> new ConcurrentHashMap<>());
        List<Mono<Void>> records = new ArrayList<>();
        for (MemberId member : new LinkedHashSet<>(members)) {
            if (!member.value().equals(actor.id())) {
                records.add(recorded.computeIfAbsent(member.value(),
                        key -> recordOne(actor, request, member, purpose).cache()));
            }
        }
        return Flux.fromIterable(records).concatMap(record -> record).then();
    }

    private Mono<Void> recordOne(Actor actor, RequestContext request, MemberId member, String purpose) {
        return Mono.fromFuture(() -> queryGateway.query(new FindMemberQuery(member),
                        ResponseTypes.optionalInstanceOf(MemberView.class)))
                .flatMap(view -> mayHoldPersonalData(view)
                        ? Mono.fromFuture(() -> commands.send(
                                new RecordPersonalDataAccess(member, FIELDS, purpose), actor, request)).then()
                        : Mono.<Void>empty());
    }

    private static boolean mayHoldPersonalData(Optional<MemberView> member) {
        return member.isPresent() && member.get().status() != MemberStatus.WITHDRAWN;
    }
}
