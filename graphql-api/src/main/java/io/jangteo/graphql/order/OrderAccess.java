package io.jangteo.graphql.order;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.shared.ActorRole;

/**
 * Who may do what with orders, as far as the API decides it: the query side filters every order per viewer and the
 * Order aggregate decides every change, so the API only turns away callers who can never be right and guards the one
 * thing neither of them knows about, the history field.
 */
final class OrderAccess {

    private OrderAccess() {
    }

    static Actor signedIn(Actor actor) {
        if (actor.isAnonymous()) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in first");
        }
        return actor;
    }

    /** The signed-in member buying: orders are placed by accounts, never by system actors or visitors. */
    static MemberId buyer(Actor actor) {
        MemberId member = memberOrNull(actor);
        if (member == null) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in as a member to order");
        }
        return member;
    }

    /** The member a quote is for; null for a guest. */
    static MemberId memberOrNull(Actor actor) {
        if (actor.isAnonymous() || actor.id() == null || actor.id().startsWith("system:")) {
            return null;
        }
        try {
            return MemberId.of(actor.id());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isBuyer(Actor actor, OrderView order) {
        return !actor.isAnonymous() && order.buyerId() != null && order.buyerId().value().equals(actor.id());
    }

    /**
     * The history shows every step with who took it and from where, including the other sellers' and the buyer's
     * addresses: the buyer, support and admins only. A seller sees its part, not the whole trail.
     */
    static void assertMayReadHistory(Actor actor, OrderView order) {
        if (isBuyer(actor, order) || actor.role() == ActorRole.SUPPORT || actor.role() == ActorRole.ADMIN) {
            return;
        }
        throw new ApiException(ApiException.Code.FORBIDDEN, "Only the buyer, support and admins read an order's history");
    }
}
