package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Points of a spending were given back to the earnings listed; an earning already past its expiry expires again at
 * the next run.
 */
@Revision("1")
public record PointsRefunded(RewardsId rewardsId, @DataSubject MemberId memberId, PointsEntryId spendId, long points,
                             String reason, List<PointsAllocation> allocations) {}
