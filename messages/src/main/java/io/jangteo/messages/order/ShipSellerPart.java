package io.jangteo.messages.order;

import io.jangteo.messages.seller.SellerId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller hands its part to a carrier (배송중). */
public record ShipSellerPart(@TargetAggregateIdentifier OrderId orderId, SellerId sellerId, String carrier,
                             String trackingNumber) {
    public ShipSellerPart {
        Objects.requireNonNull(orderId, "orderId");
    }
}
