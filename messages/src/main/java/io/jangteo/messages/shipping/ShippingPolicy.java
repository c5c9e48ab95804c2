package io.jangteo.messages.shipping;

import io.jangteo.messages.shared.Money;
import java.util.Objects;

/**
 * A seller's shipping-fee policy (배송비 정책). All amounts are in one currency.
 *
 * @param baseFee                 fee of one domestic shipment
 * @param freeShippingThreshold   domestic item total from which the base fee is waived; null when never free
 * @param bundleShipping          묶음배송: all of the seller's lines travel as one shipment (one base fee); otherwise every
 *                                line is its own shipment
 * @param jejuSurcharge           added per shipment to Jeju postcodes, also when the base fee is waived
 * @param remoteIslandSurcharge   added per shipment to remote-island postcodes (도서산간), also when the base fee is waived
 * @param overseas                fees abroad; null when the seller does not ship abroad
 * @param returnFee               charged to the customer for a return (반품배송비)
 * @param exchangeFee             charged to the customer for an exchange (교환배송비)
 */
public record ShippingPolicy(Money baseFee, Money freeShippingThreshold, boolean bundleShipping,
                             Money jejuSurcharge, Money remoteIslandSurcharge, OverseasShipping overseas,
                             Money returnFee, Money exchangeFee) {
    public ShippingPolicy {
        Objects.requireNonNull(baseFee, "baseFee");
        Objects.requireNonNull(jejuSurcharge, "jejuSurcharge");
        Objects.requireNonNull(remoteIslandSurcharge, "remoteIslandSurcharge");
        Objects.requireNonNull(returnFee, "returnFee");
        Objects.requireNonNull(exchangeFee, "exchangeFee");
    }
}
