package io.jangteo.messages.seller;

import org.axonframework.serialization.Revision;

/**
 * A shop registered and waits for approval. {@code businessNumber} is normalised to ten digits; {@code registeredBy}
 * is the actor id of the account that owns the shop from now on.
 */
@Revision("1")
public record SellerRegistered(SellerId sellerId, String shopName, String representative, String businessNumber,
                               String contactEmail, String contactPhone, SettlementAccount settlementAccount,
                               String registeredBy) {
}
