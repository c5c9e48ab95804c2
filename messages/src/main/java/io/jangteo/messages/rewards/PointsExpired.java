package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** What was left of an earning expired. */
@Revision("1")
public record PointsExpired(RewardsId rewardsId, @DataSubject MemberId memberId, PointsEntryId entryId, long points) {}
