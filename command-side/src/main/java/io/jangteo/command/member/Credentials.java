package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** What a new password must be, and the refusals of a wrong password or token. */
final class Credentials {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;

    private Credentials() {
    }

    /** The length rule alone, for when the e-mail is not known yet (a reset before its token is spent). */
    static void assertPasswordLength(String password, List<String> field) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw new PasswordLength(field);
        }
    }

    /** Taken as typed, not stripped: spaces are part of a passphrase. */
    static void assertNewPassword(String password, String email, List<String> field) {
        assertPasswordLength(password, field);
        // the e-mail is the first guess of anyone who knows it
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            throw new PasswordIsTheEmail(field);
        }
    }

    static final class PasswordLength extends DomainRuleViolation {
        PasswordLength(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field,
                    "A password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
    }

    static final class PasswordIsTheEmail extends DomainRuleViolation {
        PasswordIsTheEmail(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field, "A password must not be the e-mail address");
        }
    }

    static final class WrongPassword extends DomainRuleViolation {
        WrongPassword() {
            super(ErrorCode.INVALID_CREDENTIALS, List.of("currentPassword"), "The current password is wrong");
        }
    }

    static final class InvalidResetToken extends DomainRuleViolation {
        InvalidResetToken() {
            super(ErrorCode.INVALID_CREDENTIALS, List.of("resetToken"),
                    "This reset link is unknown, used or expired; ask for a new one");
        }
    }
}
