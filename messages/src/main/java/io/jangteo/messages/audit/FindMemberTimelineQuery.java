package io.jangteo.messages.audit;

import io.jangteo.messages.member.MemberId;

import java.util.Objects;

/**
 * Everything about a member in one chronological stream (oldest first): account, profile, addresses, consents,
 * identity, payment methods, points and grade, carts, orders with their payments, refunds and claims, security and
 * privacy events. Relay paging: {@code first}/{@code after} from the oldest, or {@code last}/{@code before} from the
 * newest (give one pair; {@code last > 0} selects the second). Answers a {@link MemberTimelinePage}.
 */
public record FindMemberTimelineQuery(MemberId memberId, TimelineFilter filter, int first, String after, int last,
                                      String before) {
    public static final int MAX_PAGE_SIZE = 200;

    public FindMemberTimelineQuery {
        Objects.requireNonNull(memberId, "memberId");
        filter = filter == null ? TimelineFilter.none() : filter;
        if (first < 0 || first > MAX_PAGE_SIZE || last < 0 || last > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
        if (first > 0 && last > 0) {
            throw new IllegalArgumentException("give first or last, not both");
        }
    }

    public boolean fromNewest() {
        return last > 0;
    }
}
