package io.jangteo.graphql.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The sandbox payment provider's callbacks.
 *
 * @param webhookSecret      the secret the sandbox provider signs its callbacks with. The default is a well-known
 *                           sandbox-only value: anyone can sign with it, so a deployment that takes real callbacks
 *                           sets its provider's own secret
 * @param signatureTolerance how far a callback's signing time may be from now (replay protection)
 */
@ConfigurationProperties("jangteo.payments.sandbox")
record PaymentCallbackProperties(@DefaultValue("sandbox-webhook-secret") String webhookSecret,
                                 @DefaultValue("PT5M") Duration signatureTolerance) {
}
