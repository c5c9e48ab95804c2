package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SellerPartPreparing(OrderId orderId, MemberId buyerId, SellerId sellerId, Instant preparingAt) {
}
