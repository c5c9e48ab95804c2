package io.jangteo.graphql.member;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberStatus;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.shared.ActorRole;

import java.time.Instant;

/**
 * Who may read which member, as the API sees it (the aggregates decide again on every change): a member reads
 * themselves; support and admins read anyone, personal fields included; analysts read anyone without personal
 * fields; sellers and other customers read no member (sellers will see buyers only through their order lines).
 */
final class MemberAccess {

    private MemberAccess() {
    }

    static MemberId memberId(String raw, String argument) {
        try {
            return MemberId.of(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + argument + "' is not a member id");
        }
    }

    static boolean looksLikeMemberId(String value) {
        return value != null && !value.isBlank() && value.length() <= 64 && !value.startsWith("system:");
    }

    static boolean isSelf(Actor actor, MemberId memberId) {
        return !actor.isAnonymous() && memberId.value().equals(actor.id());
    }

    static void assertMayRead(Actor actor, MemberId memberId) {
        if (actor.isAnonymous()) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in first");
        }
        if (isSelf(actor, memberId) || actor.role() == ActorRole.SUPPORT || actor.role() == ActorRole.ADMIN
                || actor.role() == ActorRole.ANALYST) {
            return;
        }
        throw new ApiException(ApiException.Code.FORBIDDEN, "Members are visible only to themselves and staff");
    }

    static boolean mayReadPersonal(Actor actor, MemberId memberId) {
        return isSelf(actor, memberId) || actor.role() == ActorRole.SUPPORT || actor.role() == ActorRole.ADMIN;
    }

    /** Staff reading someone else's personal data: the reads that are recorded. */
    static boolean isStaffReader(Actor actor, MemberId memberId) {
        return (actor.role() == ActorRole.SUPPORT || actor.role() == ActorRole.ADMIN) && !isSelf(actor, memberId);
    }

    /** A lock ends by itself; the stored status cannot know when it is read. */
    static MemberStatus effectiveStatus(MemberView member, Instant now) {
        if (member.status() == MemberStatus.WITHDRAWN) {
            return MemberStatus.WITHDRAWN;
        }
        return member.lockedUntil() != null && member.lockedUntil().isAfter(now)
                ? MemberStatus.LOCKED : MemberStatus.ACTIVE;
    }

    /** The member a mutation addresses: the one named, or the caller. */
    static MemberId target(Actor actor, String raw) {
        if (raw != null && !raw.isBlank()) {
            return memberId(raw, "input.memberId");
        }
        if (actor.isAnonymous() || !looksLikeMemberId(actor.id())) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, "Sign in as a member first");
        }
        return MemberId.of(actor.id());
    }
}
