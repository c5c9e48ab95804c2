package io.jangteo.command.order;

import io.jangteo.messages.order.ClaimStatus;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.seller.SellerId;

import java.util.List;

/** A return ({@code R1}, {@code R2}...) or an exchange ({@code X1}...) of lines of one seller's part. */
record Claim(String claimId, Kind kind, SellerId sellerId, List<String> lineIds, ReturnReason reason,
             boolean buyerAtFault, ClaimStatus status) {

    enum Kind {
        RETURN, EXCHANGE
    }

    Claim {
        lineIds = List.copyOf(lineIds);
    }

    /** Requested or approved: the goods are still on their way back, or the replacement on its way out. */
    boolean isOpen() {
        return status == ClaimStatus.REQUESTED || status == ClaimStatus.APPROVED;
    }

    Claim withStatus(ClaimStatus newStatus) {
        return new Claim(claimId, kind, sellerId, lineIds, reason, buyerAtFault, newStatus);
    }
}
