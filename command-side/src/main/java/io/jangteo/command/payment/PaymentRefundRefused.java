package io.jangteo.command.payment;

/** The provider refused a refund ({@code NOT_APPROVED}, {@code EXCEEDS_BALANCE}, {@code REFUND_ID_REUSED}...). */
public class PaymentRefundRefused extends RuntimeException {

    private final String code;

    public PaymentRefundRefused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
