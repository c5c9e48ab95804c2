package io.jangteo.command.payment;

/** The provider declined the payment; {@code code} is its reason ({@code CARD_DECLINED}, {@code INSUFFICIENT_FUNDS}...). */
public class PaymentDeclinedException extends RuntimeException {

    private final String code;

    public PaymentDeclinedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
