package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Paid lines were cancelled before shipment; a {@link RefundCompleted} follows. */
@Revision("1")
public record OrderLinesCancelled(OrderId orderId, MemberId buyerId, List<String> lineIds, String reason,
                                  boolean wholeOrder, Instant cancelledAt) {
}
