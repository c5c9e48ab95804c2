package io.jangteo.command.rewards;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Who may move points and grades. Support and analysts read, they never change points or grades; sellers never touch
 * a member's account. Checked before the input, so an outsider learns nothing about the account from the error.
 */
final class RewardsAccessPolicy {

    private RewardsAccessPolicy() {
    }

    /** Purchases, availability, expiry, grade reviews and closing happen by rule, never by hand. */
    static void assertSystem(String actorRole) {
        if (roleOf(actorRole) != ActorRole.SYSTEM) {
            throw new OnlySystemActors();
        }
    }

    /** Corrections by hand: an admin, who must give a reason. */
    static void assertAdmin(String actorRole) {
        if (roleOf(actorRole) != ActorRole.ADMIN) {
            throw new OnlyAdmins();
        }
    }

    /** Refunds follow a cancellation (system actor) or an admin's decision. */
    static void assertSystemOrAdmin(String actorRole) {
        ActorRole role = roleOf(actorRole);
        if (role != ActorRole.SYSTEM && role != ActorRole.ADMIN) {
            throw new OnlySystemActorsOrAdmins();
        }
    }

    /**
     * The member spends their own points; a member who runs a shop (role SELLER) still shops as themselves. The
     * account's member comes from the target id, not from the command, so a command cannot claim another's account.
     */
    static void assertMaySpend(RewardsId account, String actorRole, String actorId) {
        ActorRole role = roleOf(actorRole);
        if (role == ActorRole.SYSTEM) {
            return;
        }
        boolean member = role == ActorRole.CUSTOMER || role == ActorRole.SELLER;
        if (!member || actorId == null || !actorId.equals(account.memberId().value())) {
            throw new NotYourPoints();
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

    static final class OnlySystemActors extends DomainRuleViolation {
        OnlySystemActors() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only a system actor may do this to a rewards account");
        }
    }

    static final class OnlyAdmins extends DomainRuleViolation {
        OnlyAdmins() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only an admin may adjust points or grades");
        }
    }

    static final class OnlySystemActorsOrAdmins extends DomainRuleViolation {
        OnlySystemActorsOrAdmins() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only a system actor or an admin may refund points");
        }
    }

    static final class NotYourPoints extends DomainRuleViolation {
        NotYourPoints() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the member may spend their points");
        }
    }
}
