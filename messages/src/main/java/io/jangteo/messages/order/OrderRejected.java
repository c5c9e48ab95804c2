package io.jangteo.messages.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderRejected(OrderId orderId, MemberId buyerId, List<LineRejection> rejections, ErrorCode code,
                            String reason, Instant rejectedAt) {
}
