package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The grade changed. {@code rule} says why in words (the evaluated rule, e.g. "GOLD: purchases of at least 500,000
 * KRW within P365D"; "manual" for an admin, with {@code reason}); {@code purchaseTotal} is what the window held.
 */
@Revision("1")
public record MemberGradeChanged(RewardsId rewardsId, @DataSubject MemberId memberId, String previousGrade,
                                 String grade, String rule, Money purchaseTotal, Instant windowStart, String reason) {}
