package io.jangteo.command.cart;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Who may change a cart. A member's cart is the member's alone: staff may look at it (through the API) but never
 * change it, whatever their role. A guest's cart has no owner on record: its id carries a token only the guest's
 * browser was given, so holding the id is the permission (the API builds a guest cart id only from the token its
 * caller sent). Checked before the input, so an outsider learns nothing about the cart from the error.
 */
final class CartAccessPolicy {

    private CartAccessPolicy() {
    }

    /** @param member the cart's member, null for a guest's cart */
    static void assertMayChange(MemberId member, String actorRole, String actorId) {
        if (member == null) {
            return;
        }
        ActorRole role = roleOf(actorRole);
        boolean signedIn = role != null && role != ActorRole.ANONYMOUS && role != ActorRole.SYSTEM;
        // any signed-in role shops as itself: a seller or an admin has a cart of their own like every member
        if (!signedIn || actorId == null || !actorId.equals(member.value())) {
            throw new NotYourCart();
        }
    }

    /** Ordered lines leave a cart by rule, when the order is placed; nobody removes them "as the order". */
    static void assertSystem(String actorRole) {
        if (roleOf(actorRole) != ActorRole.SYSTEM) {
            throw new OnlySystemActors();
        }
    }

    private static ActorRole roleOf(String actorRole) {
        for (ActorRole role : ActorRole.values()) {
            if (role.name().equals(actorRole)) {
                return role;
            }
        }
        return null;
    }

    static final class NotYourCart extends DomainRuleViolation {
        NotYourCart() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only its member changes a member's cart");
        }
    }

    static final class OnlySystemActors extends DomainRuleViolation {
        OnlySystemActors() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only a system actor removes ordered items from a cart");
        }
    }
}
