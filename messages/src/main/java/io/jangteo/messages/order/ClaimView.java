package io.jangteo.messages.order;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import java.time.Instant;
import java.util.List;

/** A return ({@code kind} RETURN) or an exchange ({@code kind} EXCHANGE) of some lines of one seller. */
public record ClaimView(String claimId, String kind, SellerId sellerId, List<String> lineIds, ReturnReason reason,
                        String detail, boolean buyerAtFault, ClaimStatus status, String rejectReason, Money fee,
                        String carrier, String trackingNumber, Instant requestedAt, Instant updatedAt) {
    public ClaimView {
        lineIds = List.copyOf(lineIds);
    }
}
