package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerId;
import java.time.Instant;
import java.util.List;

/**
 * Which orders: a buyer's, a seller's (orders with a line of that shop), by status and by placement time
 * ({@code placedFrom} inclusive, {@code placedTo} exclusive). Null fields do not filter.
 */
public record OrderFilter(MemberId buyerId, SellerId sellerId, List<OrderStatus> statuses, Instant placedFrom,
                          Instant placedTo) {
    public OrderFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
