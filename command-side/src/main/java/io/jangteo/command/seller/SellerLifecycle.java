package io.jangteo.command.seller;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** Which status a shop must be in for a staff decision, and the reason every such decision records. */
final class SellerLifecycle {

    static final int MAX_REASON = 500;

    private SellerLifecycle() {
    }

    static void assertPending(SellerStatus status) {
        if (status != SellerStatus.PENDING) {
            throw new OnlyPendingSellersAreReviewed(status);
        }
    }

    static void assertActive(SellerStatus status) {
        if (status != SellerStatus.ACTIVE) {
            throw new OnlyActiveSellersCanBeSuspended(status);
        }
    }

    static void assertSuspended(SellerStatus status) {
        if (status != SellerStatus.SUSPENDED) {
            throw new OnlySuspendedSellersCanBeReinstated(status);
        }
    }

    static void assertNotRejected(SellerStatus status) {
        if (status == SellerStatus.REJECTED) {
            throw new RejectedSellerIsClosed();
        }
    }

    /** The seller reads the reason, and support answers questions with it: it must say something. */
    static String reason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty()) {
            throw new ReasonRequired();
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_REASON) {
            throw new ReasonTooLong();
        }
        return stripped;
    }

    static final class OnlyPendingSellersAreReviewed extends DomainRuleViolation {
        OnlyPendingSellersAreReviewed(SellerStatus status) {
            super(ErrorCode.INVALID_STATE, List.of(), "Only a pending shop can be approved or rejected; this one is " + status);
        }
    }

    static final class OnlyActiveSellersCanBeSuspended extends DomainRuleViolation {
        OnlyActiveSellersCanBeSuspended(SellerStatus status) {
            super(ErrorCode.INVALID_STATE, List.of(), "Only an active shop can be suspended; this one is " + status);
        }
    }

    static final class OnlySuspendedSellersCanBeReinstated extends DomainRuleViolation {
        OnlySuspendedSellersCanBeReinstated(SellerStatus status) {
            super(ErrorCode.INVALID_STATE, List.of(), "Only a suspended shop can be reinstated; this one is " + status);
        }
    }

    static final class RejectedSellerIsClosed extends DomainRuleViolation {
        RejectedSellerIsClosed() {
            super(ErrorCode.INVALID_STATE, List.of(), "A rejected shop can no longer be changed");
        }
    }

    static final class ReasonRequired extends DomainRuleViolation {
        ReasonRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"), "A reason is required");
        }
    }

    static final class ReasonTooLong extends DomainRuleViolation {
        ReasonTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"), "A reason has at most " + MAX_REASON + " characters");
        }
    }
}
