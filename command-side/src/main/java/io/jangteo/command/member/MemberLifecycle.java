package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** Which state an account must be in. */
final class MemberLifecycle {

    private MemberLifecycle() {
    }

    static void assertNotWithdrawn(boolean withdrawn) {
        if (withdrawn) {
            throw new AccountWithdrawn();
        }
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
}
