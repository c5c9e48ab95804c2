package io.jangteo.messages.seller;

import io.jangteo.messages.shipping.ShippingPolicy;
import java.time.Instant;

/**
 * A seller shop as the read model knows it now. Contact and settlement fields are for the shop itself and staff; the
 * API hides them from everyone else. {@code shippingPolicy} is null until the shop sets one.
 */
public record SellerView(String id, String shopName, String representative, String businessNumber,
                         String contactEmail, String contactPhone, SettlementAccount settlementAccount,
                         String ownerActorId, SellerStatus status, String statusReason,
                         ShippingPolicy shippingPolicy, int shippingPolicyVersion,
                         long version, Instant createdAt, Instant updatedAt) {
}
