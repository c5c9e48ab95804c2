package io.jangteo.messages.order;

import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shipping.Destination;
import java.util.List;
import java.util.Objects;

/**
 * Price lines for a buyer (null for a guest) to a destination, with an optional coupon and points to use. Answers an
 * {@link OrderQuoteResult}: the quote, or what prevents one (unknown or unavailable variant, not enough stock shown,
 * destination not served, coupon not applicable, more points than available).
 */
public record QuoteOrderQuery(MemberId buyerId, List<OrderLineInput> lines, Destination destination,
                              CouponId couponId, long points) {
    public QuoteOrderQuery {
        lines = List.copyOf(lines);
        Objects.requireNonNull(destination, "destination");
    }
}
