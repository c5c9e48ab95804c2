package io.jangteo.graphql.cart;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Which cart a caller reaches, as the API sees it (the Cart aggregate decides again on every change). A signed-in
 * caller's cart is their member cart, found from their token, never from the request; support and admins may also
 * read (never change) a named member's cart. A guest cart is reached only with the token the caller sent: the API
 * never looks a guest cart up any other way, so holding the token is what lets a guest in.
 */
final class CartAccess {

    private CartAccess() {
    }

    /** The caller's own cart, and the guest token that names it (null for a member's). */
    record Target(CartId cartId, MemberId memberId, String guestToken) {
    }

    static boolean isGuest(Actor actor) {
        return actor.isAnonymous();
    }

    static Target memberCart(Actor actor) {
        try {
            MemberId member = MemberId.of(actor.id());
            return new Target(CartId.ofMember(member), member, null);
        } catch (IllegalArgumentException noCartForThisId) {
            throw new ApiException(ApiException.Code.FORBIDDEN, "This account has no cart");
        }
    }

    /** The guest cart of a token the caller sent, for a mutation: a malformed token names no cart. */
    static Target guestCart(String token, String... field) {
        if (token == null || token.isBlank()) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, path(field), "Give the guest cart's token");
        }
        try {
            return new Target(CartId.ofGuest(token.strip()), null, token.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInput(ErrorCode.NOT_FOUND, path(field), "No guest cart has this token");
        }
    }

    /** For a mutation: the member's cart when signed in, else the guest cart of the token. */
    static Target ownCart(Actor actor, String guestToken) {
        return isGuest(actor) ? guestCart(guestToken, "guestToken") : memberCart(actor);
    }

    /** A named member's cart, for that member, support and admins only. */
    static Target namedMemberCart(Actor actor, String memberId) {
        MemberId member;
        try {
            member = MemberId.of(memberId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'memberId' is not a member id");
        }
        if (actor.isAnonymous()) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in first");
        }
        boolean self = member.value().equals(actor.id());
        if (!self && actor.role() != ActorRole.SUPPORT && actor.role() != ActorRole.ADMIN) {
            throw new ApiException(ApiException.Code.FORBIDDEN, "A member's cart is for the member and staff only");
        }
        try {
            return new Target(CartId.ofMember(member), member, null);
        } catch (IllegalArgumentException tooLong) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'memberId' is not a member id");
        }
    }

    /** A cart nothing was put in yet: shown empty, at version -1. */
    static CartView empty(Target target) {
        return new CartView(target.cartId(), target.memberId(), List.of(), null, -1);
    }

    private static List<String> path(String... field) {
        List<String> path = new java.util.ArrayList<>();
        path.add("input");
        path.addAll(List.of(field));
        return List.copyOf(path);
    }
}
