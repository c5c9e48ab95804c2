package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The whole order was cancelled before it was paid. */
@Revision("1")
public record OrderCancelled(OrderId orderId, MemberId buyerId, String reason, Instant cancelledAt) {
}
