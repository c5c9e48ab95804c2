package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code amount} is what the buyer paid for the part's lines that were not cancelled or returned. */
@Revision("1")
public record PurchaseConfirmed(OrderId orderId, MemberId buyerId, SellerId sellerId, Money amount, boolean automatic,
                                Instant confirmedAt) {
}
