package io.jangteo.graphql.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long checkout mutations wait for the order to move on.
 *
 * @param checkoutWait how long {@code placeOrder} waits for checkout to reserve and ask for the payment (and
 *                     {@code approvePayment} for the provider's answer) before answering the order as it is; never
 *                     longer than the request's own execution timeout allows
 */
@ConfigurationProperties("jangteo.api")
record OrderApiProperties(@DefaultValue("PT10S") Duration checkoutWait) {
}
