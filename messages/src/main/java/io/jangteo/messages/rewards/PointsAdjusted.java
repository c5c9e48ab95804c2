package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An admin adjusted the balance. Positive: a new available earning {@code entryId} expiring at {@code expiresAt};
 * negative: taken from the earnings in {@code allocations}.
 */
@Revision("1")
public record PointsAdjusted(RewardsId rewardsId, @DataSubject MemberId memberId, PointsEntryId entryId, long delta,
                             String reason, Instant expiresAt, List<PointsAllocation> allocations) {}
