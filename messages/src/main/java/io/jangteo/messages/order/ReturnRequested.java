package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReturnRequested(OrderId orderId, MemberId buyerId, SellerId sellerId, String returnId,
                              List<String> lineIds, ReturnReason reason, String detail, boolean buyerAtFault,
                              Instant requestedAt) {
}
