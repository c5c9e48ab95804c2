package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** The rewards account was closed on withdrawal; remaining points were forfeited. */
@Revision("1")
public record RewardsClosed(RewardsId rewardsId, @DataSubject MemberId memberId, long forfeitedPoints, String reason) {}
