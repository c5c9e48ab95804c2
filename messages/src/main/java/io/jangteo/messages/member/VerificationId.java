package io.jangteo.messages.member;

import io.jangteo.messages.shared.Ids;

/** Identifies one identity-verification attempt (본인인증). */
public record VerificationId(String value) {
    public VerificationId {
        Ids.checked(value, "verificationId");
    }

    public static VerificationId of(String value) {
        return new VerificationId(value);
    }

    public static VerificationId random() {
        return new VerificationId(Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
