package io.jangteo.command.payment;

/**
 * The provider did not answer in time. Not a refusal: the same request may succeed when sent again, which every
 * operation of {@link PaymentGateway} allows because each is idempotent per key.
 */
public class PaymentProviderUnavailable extends RuntimeException {

    public PaymentProviderUnavailable(String message) {
        super(message);
    }

    public PaymentProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
