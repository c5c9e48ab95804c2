package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may do what to a member account. Checked in the aggregate, the one place every path to an account goes
 * through, and before anything else, so an outsider learns nothing about the account from the error.
 * <p>
 * "Self" is a signed-in member acting on their own account, whatever their role: an admin edits their own profile as
 * a member. "Staff" is support or an admin acting on someone's account, which always needs a reason, because the
 * member (and an auditor) must be able to learn why someone else changed their data.
 */
final class MemberAccessPolicy {

    private static final Set<ActorRole> MEMBER_ROLES = EnumSet.of(ActorRole.CUSTOMER, ActorRole.SELLER,
            ActorRole.SUPPORT, ActorRole.ANALYST, ActorRole.ADMIN);
    private static final Set<ActorRole> STAFF = EnumSet.of(ActorRole.SUPPORT, ActorRole.ADMIN);

    private MemberAccessPolicy() {
    }

    static boolean isSelf(MemberId member, String actorRole, String actorId) {
        return MEMBER_ROLES.contains(roleOf(actorRole)) && member.value().equals(actorId);
    }

    static boolean isStaff(String actorRole) {
        return STAFF.contains(roleOf(actorRole));
    }

    /** @return whether the actor is the member (else staff, who must give a reason) */
    static boolean assertSelfOrStaff(MemberId member, String actorRole, String actorId) {
        if (isSelf(member, actorRole, actorId)) {
            return true;
        }
        if (isStaff(actorRole)) {
            return false;
        }
        throw new NotYourAccount();
    }

    /** Passwords, identity and payment methods are the member's alone: staff must not act as the person. */
    static void assertSelf(MemberId member, String actorRole, String actorId) {
        if (!isSelf(member, actorRole, actorId)) {
            throw new OnlyTheMemberMay();
        }
    }

    static void assertStaff(String actorRole) {
        if (!isStaff(actorRole)) {
            throw new OnlyStaffMay();
        }
    }

    /** Roles grant access to everyone's data: only an admin, or the bootstrap that makes the first admin. */
    static void assertAdminOrSystem(String actorRole) {
        ActorRole role = roleOf(actorRole);
        if (role != ActorRole.ADMIN && role != ActorRole.SYSTEM) {
            throw new OnlyAdminsAssignRoles();
        }
    }

    /** A shop is linked when it is approved, by the process that approves it; nobody asks for it by hand. */
    static void assertSystem(String actorRole) {
        if (roleOf(actorRole) != ActorRole.SYSTEM) {
            throw new OnlySystemLinksShops();
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

    static final class NotYourAccount extends DomainRuleViolation {
        NotYourAccount() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the member, support or an admin may change this account");
        }
    }

    static final class OnlyTheMemberMay extends DomainRuleViolation {
        OnlyTheMemberMay() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the member may do this to their account");
        }
    }

    static final class OnlyStaffMay extends DomainRuleViolation {
        OnlyStaffMay() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only support or an admin may do this");
        }
    }

    static final class OnlyAdminsAssignRoles extends DomainRuleViolation {
        OnlyAdminsAssignRoles() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only an admin may change a member's role");
        }
    }

    static final class OnlySystemLinksShops extends DomainRuleViolation {
        OnlySystemLinksShops() {
            super(ErrorCode.FORBIDDEN, List.of(), "A shop is linked to its member only when it is approved");
        }
    }
}
