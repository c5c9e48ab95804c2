package io.jangteo.command.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;

/** Who sends a command, from its audit metadata; an unknown role is no role. */
record Actor(String id, ActorRole role, String sellerId) {

    static Actor of(String actorId, String actorRole, String actorSellerId) {
        ActorRole role = null;
        for (ActorRole candidate : ActorRole.values()) {
            if (candidate.name().equals(actorRole)) {
                role = candidate;
            }
        }
        return new Actor(actorId, role, actorSellerId);
    }

    /** Every member account shops as itself, whatever else it may do (a seller's owner, staff). */
    boolean isMember() {
        return role == ActorRole.CUSTOMER || role == ActorRole.SELLER || role == ActorRole.SUPPORT
                || role == ActorRole.ANALYST || role == ActorRole.ADMIN;
    }

    boolean isBuyer(MemberId buyerId) {
        return isMember() && id != null && buyerId != null && id.equals(buyerId.value());
    }

    boolean isSellerOf(SellerId shop) {
        return role == ActorRole.SELLER && sellerId != null && shop != null && sellerId.equals(shop.value());
    }

    boolean isSystem() {
        return role == ActorRole.SYSTEM;
    }

    boolean isAdmin() {
        return role == ActorRole.ADMIN;
    }

    boolean isSupport() {
        return role == ActorRole.SUPPORT;
    }

    /** Support and admins act on any part of any order. */
    boolean isStaff() {
        return role == ActorRole.SUPPORT || role == ActorRole.ADMIN;
    }
}
