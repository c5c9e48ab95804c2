package io.jangteo.messages.seller;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SellerSuspended(SellerId sellerId, String reason) {
}
