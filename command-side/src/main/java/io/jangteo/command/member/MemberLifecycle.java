package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** Which state an account must be in, and the reason every staff change records. */
final class MemberLifecycle {

    static final int MAX_REASON = 500;

    private MemberLifecycle() {
    }

    static void assertNotWithdrawn(boolean withdrawn) {
        if (withdrawn) {
            throw new AccountWithdrawn();
        }
    }

    /** The member reads the reason, and an auditor judges the change by it: it must say something. */
    static String staffReason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty()) {
            throw new ReasonRequired();
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_REASON) {
            throw new ReasonTooLong();
        }
        return stripped;
    }

    static final class AccountWithdrawn extends DomainRuleViolation {
        AccountWithdrawn() {
            super(ErrorCode.INVALID_STATE, List.of(), "This account has been withdrawn");
        }
    }

    static final class AccountNotLocked extends DomainRuleViolation {
        AccountNotLocked() {
            super(ErrorCode.INVALID_STATE, List.of(), "This account is not locked");
        }
    }

    static final class ReasonRequired extends DomainRuleViolation {
        ReasonRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"), "A reason is required");
        }
    }

    static final class ReasonTooLong extends DomainRuleViolation {
        ReasonTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"),
                    "A reason has at most " + MAX_REASON + " characters");
        }
    }
}
