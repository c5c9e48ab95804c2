package io.jangteo.messages.member;

import java.util.Objects;

/**
 * Every stored event of a member, read from the event store (not a projection): their member and rewards streams,
 * oldest first. Answers a {@link MemberHistoryPage}. Personal fields of an erased member read as null.
 */
public record FindMemberHistoryQuery(MemberId memberId, int first, String after) {
    public static final int MAX_PAGE_SIZE = 200;

    public FindMemberHistoryQuery {
        Objects.requireNonNull(memberId, "memberId");
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
    }
}
