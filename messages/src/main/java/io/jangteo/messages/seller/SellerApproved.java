package io.jangteo.messages.seller;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SellerApproved(SellerId sellerId) {
}
