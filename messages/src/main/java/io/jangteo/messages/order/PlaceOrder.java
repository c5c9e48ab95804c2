package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Place an order (the buyer). The order id comes from {@link OrderId#forIdempotencyKey}; {@code requestFingerprint} is a
 * digest of what the buyer asked for (lines, address, coupon, points, payment), so the same key with the same request
 * answers the existing order and the same key with another request is {@code IDEMPOTENCY_KEY_REUSED}. {@code quote} is
 * the pricing the buyer was shown; checkout verifies its parts against stock, coupon and points. {@code cartId} names
 * the cart the lines came from, or null.
 */
public record PlaceOrder(@TargetAggregateIdentifier OrderId orderId, MemberId buyerId, String idempotencyKey,
                         String requestFingerprint, OrderQuote quote, ShippingAddress shippingAddress,
                         PaymentChoice payment, String cartId) {
    public PlaceOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(buyerId, "buyerId");
    }
}
