package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderExpired(OrderId orderId, MemberId buyerId, String reason, Instant expiredAt) {
}
