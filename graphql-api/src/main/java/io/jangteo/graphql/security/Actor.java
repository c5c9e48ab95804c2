package io.jangteo.graphql.security;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;

/** The authenticated caller, or the anonymous one. */
public record Actor(String id, ActorRole role, String sellerId) {

    public static final Actor ANONYMOUS = new Actor("anonymous", ActorRole.ANONYMOUS, null);

    public static Actor from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            Jwt jwt = token.getToken();
            ActorRole role = ActorRole.valueOf(jwt.getClaimAsString(TokenIssuer.ROLE_CLAIM));
            return new Actor(jwt.getSubject(), role, jwt.getClaimAsString(TokenIssuer.SELLER_CLAIM));
        }
        return ANONYMOUS;
    }

    /** The caller as the query side sees it when it applies visibility. */
    public Viewer viewer() {
        return new Viewer(role, id, sellerId);
    }

    /** Staff, or the seller of this shop: may see a shop's private fields and a product's stock levels. */
    public boolean isStaffOrSellerOf(String shopId) {
        return viewer().seesEverything() || viewer().isSellerOf(shopId);
    }

    public boolean isAnonymous() {
        return role == ActorRole.ANONYMOUS;
    }

    /** Refuses anonymous callers with {@code UNAUTHENTICATED} and others without one of the roles with {@code FORBIDDEN}. */
    public Actor requireRole(ActorRole... roles) {
        if (isAnonymous()) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in first");
        }
        if (Arrays.stream(roles).noneMatch(r -> r == role)) {
            throw new ApiException(ApiException.Code.FORBIDDEN, "Role " + role + " may not do this");
        }
        return this;
    }
}
