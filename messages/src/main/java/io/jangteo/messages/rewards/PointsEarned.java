package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Points earned on a purchase at the grade rate; pending until {@code availableAt}, then available until {@code
 * expiresAt}.
 */
@Revision("1")
public record PointsEarned(RewardsId rewardsId, @DataSubject MemberId memberId, PointsEntryId entryId, long points,
                           String orderId, String grade, int ratePermille, Instant availableAt, Instant expiresAt) {}
