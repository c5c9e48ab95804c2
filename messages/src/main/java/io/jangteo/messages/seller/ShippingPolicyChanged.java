package io.jangteo.messages.seller;

import io.jangteo.messages.shipping.ShippingPolicy;
import org.axonframework.serialization.Revision;

/**
 * A shop's shipping-fee policy from now on. {@code policyVersion} counts the shop's policies from 1, so an order can
 * name exactly the policy it was quoted under.
 */
@Revision("1")
public record ShippingPolicyChanged(SellerId sellerId, int policyVersion, ShippingPolicy policy) {
}
