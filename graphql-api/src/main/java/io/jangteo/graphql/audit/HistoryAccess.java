package io.jangteo.graphql.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read which history. Support and admins read all of it. A member reads the streams that are theirs: their
 * member, rewards and cart streams, and the orders they bought; a seller shop's staff are members too, so the rule is
 * the same for them about their own streams, never about anyone else's. Analysts read no history at all: every event
 * about a member may carry personal data, and analysts see none. An order is the buyer's as the order query says it
 * is, asked with the caller as viewer, so the API keeps no second notion of ownership.
 */
@Component
class HistoryAccess {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REWARDS = "rewards-";
    private static final String CART = "cart-";

    private final QueryGateway queryGateway;

    HistoryAccess(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    static MemberId memberId(String raw) {
        try {
            return MemberId.of(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'memberId' is not a member id");
        }
    }

    static String aggregateId(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'aggregateId' is not an aggregate id");
        }
        return raw.strip();
    }

    static boolean isStaff(Actor actor) {
        return actor.role() == ActorRole.SUPPORT || actor.role() == ActorRole.ADMIN;
    }

    /** A member reading about themselves: signed in as a customer (or as the seller staff they also are). */
    static boolean isMemberHimself(Actor actor, MemberId member) {
        return (actor.role() == ActorRole.CUSTOMER || actor.role() == ActorRole.SELLER)
                && member.value().equals(actor.id());
    }

    static void assertMayReadTimeline(Actor actor, MemberId member) {
        signedIn(actor);
        if (isStaff(actor) || isMemberHimself(actor, member)) {
            return;
        }
        throw new ApiException(ApiException.Code.FORBIDDEN,
                "A member's timeline is for the member, support and admins");
    }

    /**
     * Completes when the caller may read the events of {@code aggregateId} (all events when null), fails with
     * UNAUTHENTICATED or FORBIDDEN otherwise. Streams that are not the caller's answer FORBIDDEN whether they exist or
     * not, so a member cannot probe for other members' orders.
     */
    Mono<Void> assertMayRead(Actor actor, String aggregateId) {
        signedIn(actor);
        if (isStaff(actor)) {
            return Mono.empty();
        }
        ApiException refused = new ApiException(ApiException.Code.FORBIDDEN,
                "Support and admins read the audit log; a member reads their own streams, named by aggregateId");
        if (aggregateId == null || !(actor.role() == ActorRole.CUSTOMER || actor.role() == ActorRole.SELLER)) {
            return Mono.error(refused);
        }
        String self = actor.id();
        if (aggregateId.equals(self) || aggregateId.equals(REWARDS + self) || aggregateId.equals(CART + self)) {
            return Mono.empty();
        }
        OrderId orderId;
        try {
            orderId = OrderId.of(aggregateId);
        } catch (IllegalArgumentException e) {
            return Mono.error(refused);
        }
        return findOrder(orderId, actor)
                .filter(order -> order.buyerId() != null && order.buyerId().value().equals(self))
                .switchIfEmpty(Mono.error(refused))
                .then();
    }

    /** The member whose stream this is, when it is one of a member's (their member, rewards, cart or order stream). */
    Mono<MemberId> memberOf(Actor actor, String aggregateType, String aggregateId) {
        if ("Order".equals(aggregateType)) {
            OrderId orderId;
            try {
                orderId = OrderId.of(aggregateId);
            } catch (IllegalArgumentException e) {
                return Mono.empty();
            }
            return findOrder(orderId, actor).mapNotNull(OrderView::buyerId);
        }
        return Mono.justOrEmpty(memberOfStream(aggregateType, aggregateId));
    }

    /**
     * The members whose streams these entries come from. An order's buyer is read from the payload's buyerId where
     * the event carries it (OrderPlaced does), otherwise asked of the order query once per order.
     */
    Mono<Set<MemberId>> membersIn(Actor actor, List<HistoryEntryView> entries) {
        Set<MemberId> members = new LinkedHashSet<>();
        Set<String> ordersToAsk = new LinkedHashSet<>();
        for (HistoryEntryView entry : entries) {
            if ("Order".equals(entry.aggregateType())) {
                buyerIn(entry.payloadJson()).ifPresentOrElse(members::add, () -> ordersToAsk.add(entry.aggregateId()));
            } else {
                memberOfStream(entry.aggregateType(), entry.aggregateId()).ifPresent(members::add);
            }
        }
        return Flux.fromIterable(ordersToAsk)
                .concatMap(order -> memberOf(actor, "Order", order))
                .doOnNext(members::add)
                .then(Mono.fromSupplier(() -> members));
    }

    static Optional<MemberId> memberOfStream(String aggregateType, String aggregateId) {
        if (aggregateType == null || aggregateId == null) {
            return Optional.empty();
        }
        try {
            return switch (aggregateType) {
                case "Member" -> Optional.of(MemberId.of(aggregateId));
                case "Rewards" -> Optional.of(new RewardsId(aggregateId).memberId());
                case "Cart" -> aggregateId.startsWith(CART)
                        ? Optional.of(MemberId.of(aggregateId.substring(CART.length()))) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** buyerId as the event store's JSON holds it: an id record ({@code {"value": ...}}) or a plain string. */
    static Optional<MemberId> buyerIn(String payloadJson) {
        if (payloadJson == null) {
            return Optional.empty();
        }
        try {
            JsonNode buyer = JSON.readTree(payloadJson).path("buyerId");
            String value = buyer.isTextual() ? buyer.asText() : buyer.path("value").isTextual()
                    ? buyer.path("value").asText() : null;
            return value == null ? Optional.empty() : Optional.of(MemberId.of(value));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    private Mono<OrderView> findOrder(OrderId orderId, Actor actor) {
        return Mono.fromFuture(() -> queryGateway.query(new FindOrderQuery(orderId, actor.viewer()),
                        ResponseTypes.optionalInstanceOf(OrderView.class)))
                .flatMap(Mono::justOrEmpty);
    }

    static void signedIn(Actor actor) {
        if (actor.isAnonymous()) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in first");
        }
    }
}
