package io.jangteo.command.payment;

/**
 * The payment provider's tokenization for stored methods (브랜드페이 / 빌링키), in the flow Korean PGs document: the
 * provider's card widget collects the card in the browser and hands it an {@code authKey}; the server trades the
 * {@code authKey} for a billing key bound to a customer key. Jangteo never sees a card number.
 */
public interface BillingKeys {

    boolean supports(String provider);

    /**
     * @throws BillingKeyRefused when the provider refuses the authKey (unknown, expired, card declined)
     */
    Issued issue(String provider, String authKey, String customerKey);

    /** Deletes a billing key at the provider; idempotent. */
    void delete(String provider, String billingKey);

    record Issued(String billingKey, String brand, String last4, int expiryYear, int expiryMonth) {
    }
}
