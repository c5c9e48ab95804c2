package io.jangteo.messages.order;

import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Paid lines were cancelled before shipment; a {@link RefundCompleted} follows. {@code lines} say what goes back to
 * stock; {@code couponToRestore} is the order's coupon when this cancels the whole order (its use is given back),
 * else null.
 */
@Revision("1")
public record OrderLinesCancelled(OrderId orderId, MemberId buyerId, List<CancelledLine> lines, String reason,
                                  boolean wholeOrder, CouponId couponToRestore, Instant cancelledAt) {
    public OrderLinesCancelled {
        lines = List.copyOf(lines);
    }
}
