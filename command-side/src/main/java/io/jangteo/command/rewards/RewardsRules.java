package io.jangteo.command.rewards;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.util.List;

/** Rules every rewards command shares: the account must be open, and must be the named member's. */
final class RewardsRules {

    static final int MAX_ORDER_ID = 64;
    /** A trillion won is no real order; far enough below {@code Long.MAX_VALUE} that window totals cannot overflow. */
    static final long MAX_PURCHASE = 1_000_000_000_000L;

    private RewardsRules() {
    }

    static void assertOpen(boolean closed) {
        if (closed) {
            throw new RewardsAccountClosed();
        }
    }

    /**
     * The account id is derived from the member id; a command naming another member than its target is a caller's
     * mistake that would otherwise put the wrong member into the events.
     */
    static MemberId sameMember(RewardsId target, MemberId memberId) {
        try {
            if (memberId != null && RewardsId.of(memberId).equals(target)) {
                return memberId;
            }
        } catch (IllegalArgumentException tooLongForAnAccountId) {
            // falls through: no account can be this member's
        }
        throw new NotThisAccountsMember();
    }

    static String orderId(String orderId) {
        String stripped = orderId == null ? "" : orderId.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_ORDER_ID) {
            throw new OrderIdRequired();
        }
        return stripped;
    }

    /** Grades compare totals, which only add up in one currency: the grade table's. */
    static Money purchaseAmount(Money amount, String currency) {
        if (amount == null || amount.amount() <= 0 || amount.amount() > MAX_PURCHASE) {
            throw new PurchaseAmountOutOfRange();
        }
        if (!amount.currency().equals(currency)) {
            throw new PurchaseInOtherCurrency(currency);
        }
        return amount;
    }

    static void assertSamePurchase(Purchase recorded, Money amount) {
        if (!recorded.amount().equals(amount)) {
            throw new OrderRecordedWithOtherAmount(recorded.amount());
        }
    }

    static final class RewardsAccountClosed extends DomainRuleViolation {
        RewardsAccountClosed() {
            super(ErrorCode.INVALID_STATE, List.of(), "This rewards account was closed when its member withdrew");
        }
    }

    static final class NotThisAccountsMember extends DomainRuleViolation {
        NotThisAccountsMember() {
            super(ErrorCode.INVALID_INPUT, List.of("memberId"), "The member is not the one this rewards account belongs to");
        }
    }

    static final class OrderIdRequired extends DomainRuleViolation {
        OrderIdRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("orderId"), "An order id of 1 to " + MAX_ORDER_ID + " characters is required");
        }
    }

    static final class PurchaseAmountOutOfRange extends DomainRuleViolation {
        PurchaseAmountOutOfRange() {
            super(ErrorCode.INVALID_INPUT, List.of("amount"), "A purchase amount is more than zero and at most " + MAX_PURCHASE);
        }
    }

    static final class PurchaseInOtherCurrency extends DomainRuleViolation {
        PurchaseInOtherCurrency(String currency) {
            super(ErrorCode.INVALID_INPUT, List.of("amount"), "Purchases count toward grades in " + currency + " only");
        }
    }

    static final class OrderRecordedWithOtherAmount extends DomainRuleViolation {
        OrderRecordedWithOtherAmount(Money recorded) {
            super(ErrorCode.INVALID_INPUT, List.of("orderId"),
                    "This order was already recorded as a purchase of " + recorded);
        }
    }
}
