package io.jangteo.messages.order;

import io.jangteo.messages.seller.SellerId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller's part arrived (배송완료): the seller, support, admins or a carrier integration (system actors). */
public record MarkSellerPartDelivered(@TargetAggregateIdentifier OrderId orderId, SellerId sellerId) {
    public MarkSellerPartDelivered {
        Objects.requireNonNull(orderId, "orderId");
    }
}
