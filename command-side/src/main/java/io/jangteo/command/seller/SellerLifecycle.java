package io.jangteo.command.seller;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** Which status a shop must be in for a staff decision, and the reason every such decision records. */
final class SellerLifecycle {

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
}
