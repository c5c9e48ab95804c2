package io.jangteo.command.coupon;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Rules of a coupon's terms and of its use. The discount itself is {@link CouponTerms#discountFor}, shared with the
 * quote; these rules only decide whether terms make sense and whether an order may use the coupon now.
 */
final class CouponRules {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_RATE_PERCENT = 100;
    static final int MAX_PER_MEMBER_LIMIT = 100;
    static final int MAX_SCOPE_IDS = 100;
    static final int MAX_ID_LENGTH = 64;

    private CouponRules() {
    }

    /** The terms as they will be kept: name and scope ids trimmed. */
    static CouponTerms validTerms(CouponTerms terms) {
        String name = name(terms.name());
        if (terms.kind() == DiscountKind.FIXED) {
            if (terms.fixedAmount() == null || terms.fixedAmount().amount() <= 0) {
                throw new FixedAmountNotPositive();
            }
            if (terms.ratePercent() != 0) {
                throw new NotForThisKind("ratePercent", "A fixed discount has no rate");
            }
            if (terms.maxDiscount() != null) {
                throw new NotForThisKind("maxDiscount", "Only a rate discount has a cap");
            }
        } else {
            if (terms.ratePercent() < 1 || terms.ratePercent() > MAX_RATE_PERCENT) {
                throw new RateOutOfRange();
            }
            if (terms.fixedAmount() != null) {
                throw new NotForThisKind("fixedAmount", "A rate discount has no fixed amount");
            }
            if (terms.maxDiscount() != null && terms.maxDiscount().amount() <= 0) {
                throw new CapNotPositive();
            }
        }
        if (terms.minimumOrder() != null && terms.minimumOrder().amount() < 0) {
            throw new NegativeMinimumOrder();
        }
        assertOneCurrency(terms);
        if (terms.perMemberLimit() < 1 || terms.perMemberLimit() > MAX_PER_MEMBER_LIMIT) {
            throw new PerMemberLimitOutOfRange();
        }
        if (terms.validUntil() != null && !terms.validUntil().isAfter(terms.validFrom())) {
            throw new EmptyValidity();
        }
        return new CouponTerms(name, terms.kind(), terms.fixedAmount(), terms.ratePercent(), terms.maxDiscount(),
                terms.minimumOrder(), scope(terms.scope()), terms.perMemberLimit(), terms.validFrom(),
                terms.validUntil());
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > MAX_NAME_LENGTH) {
            throw new NameOutOfRange();
        }
        return stripped;
    }

    /** The first amount given sets the currency the others must share. */
    private static void assertOneCurrency(CouponTerms terms) {
        String currency = null;
        String[] fields = {"fixedAmount", "maxDiscount", "minimumOrder"};
        Money[] amounts = {terms.fixedAmount(), terms.maxDiscount(), terms.minimumOrder()};
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] == null) {
                continue;
            }
            if (currency == null) {
                currency = amounts[i].currency();
            } else if (!currency.equals(amounts[i].currency())) {
                throw new CurrencyMismatch(fields[i], currency);
            }
        }
    }

    private static CouponScope scope(CouponScope scope) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < scope.ids().size(); i++) {
            String id = scope.ids().get(i) == null ? "" : scope.ids().get(i).strip();
            if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
                throw new InvalidScopeId(i);
            }
            ids.add(id);
        }
        if (scope.kind() == CouponScopeKind.ALL) {
            if (!ids.isEmpty()) {
                throw new ScopeIdsNotAllowed();
            }
        } else if (ids.isEmpty()) {
            throw new ScopeIdsRequired(scope.kind());
        } else if (scope.kind() == CouponScopeKind.SELLER && ids.size() != 1) {
            throw new OneSellerPerScope();
        } else if (ids.size() > MAX_SCOPE_IDS) {
            throw new ScopeTooWide();
        }
        return new CouponScope(scope.kind(), ids);
    }

    static String orderId(String orderId) {
        String stripped = orderId == null ? "" : orderId.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_ID_LENGTH) {
            throw new OrderIdRequired();
        }
        return stripped;
    }

    static void assertNotWithdrawn(boolean withdrawn) {
        if (withdrawn) {
            throw new WithdrawnCoupon();
        }
    }

    static void assertValidAt(CouponTerms terms, Instant now) {
        if (!terms.validAt(now)) {
            throw new OutsideValidity(terms);
        }
    }

    static void assertWithinMemberLimit(CouponTerms terms, long activeUses) {
        if (activeUses >= terms.perMemberLimit()) {
            throw new MemberLimitReached(terms.perMemberLimit());
        }
    }

    /**
     * Amounts only add up in one currency: the order's lines and discount must share it, and it must be the coupon's
     * when the terms name amounts (a rate without cap or minimum fits any currency).
     */
    static void assertSameCurrency(CouponTerms terms, Collection<CouponLine> lines, Money discount) {
        String currency = discount.currency();
        String couponCurrency = terms.fixedAmount() != null ? terms.fixedAmount().currency()
                : terms.maxDiscount() != null ? terms.maxDiscount().currency()
                : terms.minimumOrder() != null ? terms.minimumOrder().currency() : currency;
        boolean linesMatch = lines.stream().allMatch(line -> line.amount().currency().equals(currency));
        if (!couponCurrency.equals(currency) || !linesMatch) {
            throw new OtherCurrency(couponCurrency);
        }
    }

    /** What the buyer was shown must be what the terms give for exactly these lines; a coupon that gives nothing is no use. */
    static void assertDiscount(CouponTerms terms, List<CouponLine> lines, Money discount) {
        long due = terms.discountFor(lines);
        if (due == 0) {
            throw new NothingToDiscount();
        }
        if (discount.amount() != due) {
            throw new DiscountMismatch(Money.of(due, discount.currency()), discount);
        }
    }

    static final class NameOutOfRange extends DomainRuleViolation {
        NameOutOfRange() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "name"),
                    "A coupon's name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }

    static final class FixedAmountNotPositive extends DomainRuleViolation {
        FixedAmountNotPositive() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "fixedAmount"), "A fixed discount is more than zero");
        }
    }

    static final class RateOutOfRange extends DomainRuleViolation {
        RateOutOfRange() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "ratePercent"),
                    "A rate discount is 1 to " + MAX_RATE_PERCENT + " percent");
        }
    }

    /** A value the discount's kind does not use would mislead whoever reads the terms. */
    static final class NotForThisKind extends DomainRuleViolation {
        NotForThisKind(String field, String message) {
            super(ErrorCode.INVALID_INPUT, List.of("terms", field), message);
        }
    }

    static final class CapNotPositive extends DomainRuleViolation {
        CapNotPositive() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "maxDiscount"), "A cap on a discount is more than zero");
        }
    }

    static final class NegativeMinimumOrder extends DomainRuleViolation {
        NegativeMinimumOrder() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "minimumOrder"), "A minimum order cannot be negative");
        }
    }

    static final class CurrencyMismatch extends DomainRuleViolation {
        CurrencyMismatch(String field, String currency) {
            super(ErrorCode.INVALID_INPUT, List.of("terms", field, "currency"),
                    "Every amount of a coupon is in one currency: " + currency);
        }
    }

    static final class PerMemberLimitOutOfRange extends DomainRuleViolation {
        PerMemberLimitOutOfRange() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "perMemberLimit"),
                    "A member may use a coupon on 1 to " + MAX_PER_MEMBER_LIMIT + " orders");
        }
    }

    static final class EmptyValidity extends DomainRuleViolation {
        EmptyValidity() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "validUntil"),
                    "A coupon must stay valid until after it becomes valid");
        }
    }

    static final class InvalidScopeId extends DomainRuleViolation {
        InvalidScopeId(int index) {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "scope", "ids", String.valueOf(index)),
                    "An id in a coupon's scope has 1 to " + MAX_ID_LENGTH + " characters");
        }
    }

    static final class ScopeIdsNotAllowed extends DomainRuleViolation {
        ScopeIdsNotAllowed() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "scope", "ids"),
                    "A coupon for everything names no sellers, products or categories");
        }
    }

    static final class ScopeIdsRequired extends DomainRuleViolation {
        ScopeIdsRequired(CouponScopeKind kind) {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "scope", "ids"),
                    "A coupon scoped to " + kind.name().toLowerCase() + " names at least one");
        }
    }

    static final class OneSellerPerScope extends DomainRuleViolation {
        OneSellerPerScope() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "scope", "ids"), "A seller's coupon names exactly one seller");
        }
    }

    static final class ScopeTooWide extends DomainRuleViolation {
        ScopeTooWide() {
            super(ErrorCode.INVALID_INPUT, List.of("terms", "scope", "ids"),
                    "A coupon's scope names at most " + MAX_SCOPE_IDS + " products or categories");
        }
    }

    /** The code is the coupon's id: a second coupon under it would take over the first one's uses. */
    static final class CodeTaken extends DomainRuleViolation {
        CodeTaken(CouponId couponId) {
            super(ErrorCode.DUPLICATE, List.of("code"), "A coupon with the code " + couponId + " already exists");
        }
    }

    static final class AlreadyWithdrawn extends DomainRuleViolation {
        AlreadyWithdrawn() {
            super(ErrorCode.INVALID_STATE, List.of(), "This coupon is already withdrawn");
        }
    }

    static final class OrderIdRequired extends DomainRuleViolation {
        OrderIdRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("orderId"),
                    "An order id of 1 to " + MAX_ID_LENGTH + " characters is required");
        }
    }

    static final class WithdrawnCoupon extends DomainRuleViolation {
        WithdrawnCoupon() {
            super(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId"), "This coupon was withdrawn");
        }
    }

    static final class OutsideValidity extends DomainRuleViolation {
        OutsideValidity(CouponTerms terms) {
            super(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId"), "This coupon is valid from " + terms.validFrom()
                    + (terms.validUntil() == null ? "" : " until " + terms.validUntil()));
        }
    }

    static final class MemberLimitReached extends DomainRuleViolation {
        MemberLimitReached(int limit) {
            super(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId"),
                    "This coupon may be used on " + limit + " order(s) per member at a time, and that many use it");
        }
    }

    static final class OtherCurrency extends DomainRuleViolation {
        OtherCurrency(String currency) {
            super(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId"), "This coupon applies to orders in " + currency);
        }
    }

    static final class NothingToDiscount extends DomainRuleViolation {
        NothingToDiscount() {
            super(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId"),
                    "This coupon covers none of these lines, or they do not reach its minimum order");
        }
    }

    static final class DiscountMismatch extends DomainRuleViolation {
        DiscountMismatch(Money due, Money claimed) {
            super(ErrorCode.COUPON_NOT_APPLICABLE, List.of("discount"),
                    "This coupon gives " + due + " off these lines, not " + claimed);
        }
    }
}
