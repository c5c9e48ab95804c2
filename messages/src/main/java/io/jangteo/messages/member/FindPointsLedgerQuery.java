package io.jangteo.messages.member;

import java.util.Objects;

/** A member's points ledger, newest first. Answers a {@link PointsLedgerPage}. */
public record FindPointsLedgerQuery(MemberId memberId, int first, String after) {
    public static final int MAX_PAGE_SIZE = 100;

    public FindPointsLedgerQuery {
        Objects.requireNonNull(memberId, "memberId");
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
    }
}
