package io.jangteo.command.identity;

import io.jangteo.messages.member.PhoneCarrier;

import java.time.LocalDate;

/**
 * The identity-verification provider (본인인증: PASS, NICE, KCB), in the SMS flow those providers offer: the member
 * names themselves and their phone, the provider texts a one-time code, the member enters it, the provider answers
 * who the person is, with a CI (connecting information: the same for one person across all sites) and a DI.
 */
public interface IdentityVerifier {

    /** The provider's name as events record it. */
    String provider();

    /**
     * Asks the provider to send a code.
     *
     * @return the provider's transaction id
     * @throws IdentityVerificationRefused when the provider refuses at once (name and phone do not match a subscriber)
     */
    String requestCode(String name, LocalDate birthDate, PhoneCarrier carrier, String phone);

    /** Confirms a transaction with the code the member entered. */
    Confirmation confirm(String transactionId, String code);

    record VerifiedIdentity(String name, LocalDate birthDate, PhoneCarrier carrier, String phone, String ci,
                            String di) {
    }

    /** Either a verified identity, or why not. */
    record Confirmation(VerifiedIdentity identity, String failureReason) {
        public static Confirmation verified(VerifiedIdentity identity) {
            return new Confirmation(identity, null);
        }

        public static Confirmation refused(String reason) {
            return new Confirmation(null, reason);
        }

        public boolean succeeded() {
            return identity != null;
        }
    }
}
