package io.jangteo.messages.member;

import io.jangteo.messages.seller.SellerId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A system actor links the member who registered a shop to it once the shop is approved; the member becomes a
 * SELLER.
 */
public record LinkSellerShop(@TargetAggregateIdentifier MemberId memberId, SellerId sellerId) {
    public LinkSellerShop {
        Objects.requireNonNull(memberId, "memberId");
    }
}
