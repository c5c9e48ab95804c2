package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.shared.ErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The input of 본인인증 and what a verified identity says: an adult by the Korean legal age, and a hash of the CI. */
final class IdentityRules {

    static final int ADULT_AGE = 19;
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private IdentityRules() {
    }

    /**
     * 19 or older in full years (만 나이, the age the Youth Protection Act means) on the Korean calendar day of
     * {@code now}: the 19th birthday has been reached. Born on 29 February, it is reached on 28 February.
     */
    static boolean isAdult(LocalDate birthDate, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, KOREA);
        return !birthDate.plusYears(ADULT_AGE).isAfter(today);
    }

    /** The CI identifies a person across every site: only its digest is recorded, enough to recognise the same person. */
    static String ciHash(String ci) {
        return ci == null ? null : Secrets.sha256Hex(ci);
    }

    static void assertRequest(VerificationId verificationId, LocalDate birthDate, Object carrier, Instant now) {
        if (verificationId == null) {
            throw new IdentityInputMissing(List.of("verificationId"), "A verification id is required");
        }
        if (birthDate == null || birthDate.isAfter(LocalDate.ofInstant(now, KOREA))) {
            throw new InvalidBirthDate();
        }
        if (carrier == null) {
            throw new IdentityInputMissing(List.of("carrier"), "The phone's carrier is required");
        }
    }

    static void assertCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IdentityInputMissing(List.of("code"), "The code sent to the phone is required");
        }
    }

    static final class IdentityInputMissing extends DomainRuleViolation {
        IdentityInputMissing(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class InvalidBirthDate extends DomainRuleViolation {
        InvalidBirthDate() {
            super(ErrorCode.INVALID_INPUT, List.of("birthDate"), "A birth date is required and not in the future");
        }
    }

    static final class NoPendingVerification extends DomainRuleViolation {
        NoPendingVerification() {
            super(ErrorCode.INVALID_STATE, List.of("verificationId"),
                    "No verification with this id is waiting for its code; request a new one");
        }
    }
}
