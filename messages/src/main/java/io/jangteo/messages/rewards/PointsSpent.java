package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Points were used; {@code allocations} are the earnings they came from, soonest-expiring first. */
@Revision("1")
public record PointsSpent(RewardsId rewardsId, @DataSubject MemberId memberId, PointsEntryId spendId, long points,
                          String orderId, List<PointsAllocation> allocations) {}
