package io.jangteo.command.order;

import io.jangteo.messages.order.LineStatus;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.seller.SellerId;

/** A line as the order keeps it: as quoted at placement, and where it is now. */
record OrderLine(QuotedLine quoted, LineStatus status) {

    String lineId() {
        return quoted.lineId();
    }

    SellerId sellerId() {
        return quoted.sellerId();
    }

    OrderLine withStatus(LineStatus newStatus) {
        return new OrderLine(quoted, newStatus);
    }
}
