package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** A pending earning became available to spend. */
@Revision("1")
public record PointsBecameAvailable(RewardsId rewardsId, @DataSubject MemberId memberId, PointsEntryId entryId,
                                    long points) {}
