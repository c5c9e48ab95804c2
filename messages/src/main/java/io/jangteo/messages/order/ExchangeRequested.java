package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** {@code exchangeFee} is what the buyer owes for the exchange (zero when the seller is at fault). */
@Revision("1")
public record ExchangeRequested(OrderId orderId, MemberId buyerId, SellerId sellerId, String exchangeId,
                                List<String> lineIds, ReturnReason reason, String detail, boolean buyerAtFault,
                                Money exchangeFee, Instant requestedAt) {
}
