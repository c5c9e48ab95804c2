package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The order as the buyer placed it, with everything that applied at that moment (prices, options, the sellers' policy
 * versions, coupon, points, grade). The shipping address is personal data of the buyer.
 */
@Revision("1")
public record OrderPlaced(OrderId orderId, @DataSubject MemberId buyerId, String idempotencyKey,
                          String requestFingerprint, OrderQuote quote, @PersonalData ShippingAddress shippingAddress,
                          PaymentChoice payment, String cartId, Instant placedAt) {
}
