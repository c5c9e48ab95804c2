package io.jangteo.messages.shared;

import io.jangteo.messages.shared.ActorRole;

/**
 * Who is asking a query, so the query side can apply visibility: customers and anonymous visitors see what is on sale
 * at active shops; a seller also sees everything of its own shop; support, analysts and admins see everything.
 *
 * @param sellerId the viewer's shop when the viewer is a seller, else null
 */
public record Viewer(ActorRole role, String actorId, String sellerId) {
    public Viewer {
        java.util.Objects.requireNonNull(role, "role");
    }

    public static Viewer anonymous() {
        return new Viewer(ActorRole.ANONYMOUS, null, null);
    }

    public static Viewer admin(String actorId) {
        return new Viewer(ActorRole.ADMIN, actorId, null);
    }

    /** Staff roles that see every product, seller and status. */
    public boolean seesEverything() {
        return role == ActorRole.ADMIN || role == ActorRole.SUPPORT || role == ActorRole.ANALYST
                || role == ActorRole.SYSTEM;
    }

    public boolean isSellerOf(String shopId) {
        return role == ActorRole.SELLER && sellerId != null && sellerId.equals(shopId);
    }
}
