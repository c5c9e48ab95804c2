package io.jangteo.command.seller;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Who may do what to a shop. Checked in the aggregate, not only in the API, because the aggregate is the one place
 * every path to a shop goes through; checked before the input, so an outsider learns nothing from the error.
 */
final class SellerAccessPolicy {

    private SellerAccessPolicy() {
    }

    /** Any signed-in account may open a shop; it becomes the shop's owner, so it must be known. */
    static void assertMayRegister(String actorRole, String actorId) {
        ActorRole role = roleOf(actorRole);
        if (role == null || role == ActorRole.ANONYMOUS || actorId == null || actorId.isBlank()) {
            throw new RegistrationNeedsAnAccount();
        }
    }

    /** Reviewing, suspending and reinstating shops is staff work: an admin, or a system actor acting by rule. */
    static void assertStaff(String actorRole) {
        if (!isStaff(roleOf(actorRole))) {
            throw new OnlyStaffMayReviewSellers();
        }
    }

    static void assertMayManage(SellerId shop, String actorRole, String actorSellerId) {
        ActorRole role = roleOf(actorRole);
        if (isStaff(role) || role == ActorRole.SELLER && shop.value().equals(actorSellerId)) {
            return;
        }
        throw new NotShopOwner();
    }

    private static boolean isStaff(ActorRole role) {
        return role == ActorRole.ADMIN || role == ActorRole.SYSTEM;
    }

    private static ActorRole roleOf(String actorRole) {
        for (ActorRole role : ActorRole.values()) {
            if (role.name().equals(actorRole)) {
                return role;
            }
        }
        return null;
    }

    static final class RegistrationNeedsAnAccount extends DomainRuleViolation {
        RegistrationNeedsAnAccount() {
            super(ErrorCode.FORBIDDEN, List.of(), "Sign in to register a shop");
        }
    }

    static final class OnlyStaffMayReviewSellers extends DomainRuleViolation {
        OnlyStaffMayReviewSellers() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only an admin or a system actor may do this to a shop");
        }
    }

    static final class NotShopOwner extends DomainRuleViolation {
        NotShopOwner() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the shop's own seller, an admin or a system actor may manage this shop");
        }
    }
}
