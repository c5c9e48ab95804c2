package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Ids;

/**
 * Identifies a member's rewards account: their points ledger (적립금) and grade (회원등급). A separate aggregate from the
 * member, so that spending points at checkout never waits on (or conflicts with) a profile change, and a long ledger
 * never slows loading the member. One per member, derived from the member id.
 */
public record RewardsId(String value) {
    private static final String PREFIX = "rewards-";

    public RewardsId {
        Ids.checked(value, "rewardsId");
    }

    public static RewardsId of(MemberId memberId) {
        return new RewardsId(PREFIX + memberId.value());
    }

    public MemberId memberId() {
        return MemberId.of(value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value);
    }

    @Override
    public String toString() {
        return value;
    }
}
