package io.jangteo.messages.seller;

import org.axonframework.serialization.Revision;

/** The shop's details as they are after the change (every field, so history needs no earlier event to read it). */
@Revision("1")
public record SellerProfileChanged(SellerId sellerId, String shopName, String representative, String contactEmail,
                                   String contactPhone, SettlementAccount settlementAccount) {
}
