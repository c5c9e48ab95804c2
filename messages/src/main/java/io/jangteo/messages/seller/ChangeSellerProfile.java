package io.jangteo.messages.seller;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a shop's public and contact details. The shop's own seller or an admin may. */
public record ChangeSellerProfile(@TargetAggregateIdentifier SellerId sellerId, String shopName, String representative,
                                  String contactEmail, String contactPhone, SettlementAccount settlementAccount) {
    public ChangeSellerProfile {
        Objects.requireNonNull(sellerId, "sellerId");
    }
}
