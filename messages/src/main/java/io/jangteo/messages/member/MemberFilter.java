package io.jangteo.messages.member;

import io.jangteo.messages.shared.ActorRole;

/**
 * Narrows {@link FindMembersQuery}; null fields do not narrow. {@code email} matches case-insensitively and exactly;
 * {@code phone} matches its digits exactly (so "010-1234-5678" finds "01012345678").
 */
public record MemberFilter(String email, String phone, MemberStatus status, ActorRole role, String grade) {
    public static MemberFilter none() {
        return new MemberFilter(null, null, null, null, null);
    }
}
