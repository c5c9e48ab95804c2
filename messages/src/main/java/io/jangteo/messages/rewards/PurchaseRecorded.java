package io.jangteo.messages.rewards;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.Money;
import org.axonframework.serialization.Revision;

/** A confirmed purchase now counts toward the grade window (from the time of this event). */
@Revision("1")
public record PurchaseRecorded(RewardsId rewardsId, @DataSubject MemberId memberId, String orderId, Money amount) {}
