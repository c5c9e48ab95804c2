package io.jangteo.command.coupon;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Who may issue, withdraw, redeem and restore coupons. A seller pays for its own coupons, so it may only discount its
 * own shop's products; uses are counted by checkout alone, so a buyer cannot spend or give back a use by hand.
 * Checked before the input, so an outsider learns nothing about the coupon from the error.
 */
final class CouponAccessPolicy {

    private CouponAccessPolicy() {
    }

    /** The issuing shop: the seller's own, or null when an admin issues the coupon. */
    static String assertMayIssue(CouponScope scope, String actorRole, String actorSellerId) {
        ActorRole role = roleOf(actorRole);
        if (role == ActorRole.ADMIN) {
            return null;
        }
        if (role == ActorRole.SELLER) {
            if (actorSellerId != null && scope.kind() == CouponScopeKind.SELLER
                    && scope.ids().equals(List.of(actorSellerId))) {
                return actorSellerId;
            }
            throw new OnlyOwnShopCoupons();
        }
        throw new NotACouponIssuer();
    }

    static void assertMayWithdraw(String issuerSellerId, String actorRole, String actorSellerId) {
        ActorRole role = roleOf(actorRole);
        if (role == ActorRole.ADMIN) {
            return;
        }
        if (role == ActorRole.SELLER && issuerSellerId != null && issuerSellerId.equals(actorSellerId)) {
            return;
        }
        throw new NotTheIssuer();
    }

    static void assertSystem(String actorRole) {
        if (roleOf(actorRole) != ActorRole.SYSTEM) {
            throw new OnlyCheckoutRedeems();
        }
    }

    /** A use is given back when its order fails (checkout, order policies) or by an admin's decision. */
    static void assertSystemOrAdmin(String actorRole) {
        ActorRole role = roleOf(actorRole);
        if (role != ActorRole.SYSTEM && role != ActorRole.ADMIN) {
            throw new OnlySystemActorsOrAdminsRestore();
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

    static final class NotACouponIssuer extends DomainRuleViolation {
        NotACouponIssuer() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only an admin or a seller may issue coupons");
        }
    }

    static final class OnlyOwnShopCoupons extends DomainRuleViolation {
        OnlyOwnShopCoupons() {
            super(ErrorCode.FORBIDDEN, List.of(), "A seller may issue coupons only for its own shop's products");
        }
    }

    static final class NotTheIssuer extends DomainRuleViolation {
        NotTheIssuer() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the shop that issued this coupon or an admin may withdraw it");
        }
    }

    static final class OnlyCheckoutRedeems extends DomainRuleViolation {
        OnlyCheckoutRedeems() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only checkout may use a coupon for an order");
        }
    }

    static final class OnlySystemActorsOrAdminsRestore extends DomainRuleViolation {
        OnlySystemActorsOrAdminsRestore() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only a system actor or an admin may give a coupon's use back");
        }
    }
}
