package io.jangteo.command.order;

import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.SellerPartStatus;
import io.jangteo.messages.seller.SellerId;

/**
 * One seller's part as the order keeps it: its fees as quoted (a later policy change does not touch them), and its
 * status.
 */
record SellerPart(QuotedSellerPart quoted, SellerPartStatus status) {

    SellerId sellerId() {
        return quoted.sellerId();
    }

    SellerPart withStatus(SellerPartStatus newStatus) {
        return new SellerPart(quoted, newStatus);
    }
}
