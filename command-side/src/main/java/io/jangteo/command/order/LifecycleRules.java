package io.jangteo.command.order;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.util.List;

/**
 * Rules of an order's life after placement: a command must fit the state of what it names (the order, a seller's
 * part, a line, a claim), and must name things the order has.
 */
final class LifecycleRules {

    static final int MAX_SHIPPING_TEXT = 64;
    static final int MAX_DETAIL_LENGTH = 500;
    static final int MAX_TOKEN_LENGTH = 512;

    private LifecycleRules() {
    }

    static String carrier(String carrier) {
        return shippingText(carrier, "carrier");
    }

    static String trackingNumber(String trackingNumber) {
        return shippingText(trackingNumber, "trackingNumber");
    }

    private static String shippingText(String value, String field) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_SHIPPING_TEXT) {
            throw new ShippingDetailRequired(field);
        }
        return stripped;
    }

    static ReturnReason returnReason(ReturnReason reason) {
        if (reason == null) {
            throw new ReturnReasonRequired();
        }
        return reason;
    }

    static String detail(String detail) {
        String stripped = detail == null ? "" : detail.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_DETAIL_LENGTH) {
            throw new DetailTooLong();
        }
        return stripped.isEmpty() ? null : stripped;
    }

    static String approvalToken(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new ApprovalTokenRequired();
        }
        return token.strip();
    }

    /** Refunds of an order never add up to more than was paid for it. */
    static void assertWithinPayment(long refundedSoFar, long refund, Money paid) {
        if (refund < 0 || refundedSoFar + refund > paid.amount()) {
            throw new RefundExceedsPayment(paid);
        }
    }

    // ---- violations

    /** The command does not fit the state of what it names; the message names that state. */
    static final class InvalidState extends DomainRuleViolation {
        InvalidState(List<String> field, String message) {
            super(ErrorCode.INVALID_STATE, field, message);
        }

        static InvalidState ofOrder(Enum<?> status) {
            return new InvalidState(List.of(), "Not possible while the order is " + status);
        }

        static InvalidState ofPart(Enum<?> status) {
            return new InvalidState(List.of("sellerId"), "Not possible while the seller's part is " + status);
        }

        static InvalidState ofLine(int index, Enum<?> status) {
            return new InvalidState(List.of("lineIds", Integer.toString(index)),
                    "Not possible while the line is " + status);
        }

        static InvalidState ofClaim(String field, Enum<?> status) {
            return new InvalidState(List.of(field), "Not possible while the claim is " + status);
        }
    }

    static final class UnknownLine extends DomainRuleViolation {
        UnknownLine(int index) {
            super(ErrorCode.NOT_FOUND, List.of("lineIds", Integer.toString(index)), "The order has no such line");
        }
    }

    static final class LineNamedTwice extends DomainRuleViolation {
        LineNamedTwice(int index) {
            super(ErrorCode.INVALID_INPUT, List.of("lineIds", Integer.toString(index)), "A line is named once");
        }
    }

    static final class LinesRequired extends DomainRuleViolation {
        LinesRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("lineIds"), "Name the lines");
        }
    }

    static final class LinesOfOneSellerOnly extends DomainRuleViolation {
        LinesOfOneSellerOnly() {
            super(ErrorCode.INVALID_INPUT, List.of("lineIds"),
                    "A return or exchange is of lines of one seller; ask once per seller");
        }
    }

    static final class WholeOrderOnly extends DomainRuleViolation {
        WholeOrderOnly() {
            super(ErrorCode.INVALID_INPUT, List.of("lineIds"), "Before payment only the whole order can be cancelled");
        }
    }

    static final class NothingToCancel extends DomainRuleViolation {
        NothingToCancel() {
            super(ErrorCode.INVALID_STATE, List.of("lineIds"), "No line of the order is open to cancel");
        }
    }

    static final class SellerIdRequired extends DomainRuleViolation {
        SellerIdRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("sellerId"), "Name the seller whose part it is");
        }
    }

    static final class UnknownSellerPart extends DomainRuleViolation {
        UnknownSellerPart() {
            super(ErrorCode.NOT_FOUND, List.of("sellerId"), "The order has no part of this seller");
        }
    }

    static final class UnknownClaim extends DomainRuleViolation {
        UnknownClaim(String field) {
            super(ErrorCode.NOT_FOUND, List.of(field), "The order has no such " + (field.startsWith("return")
                    ? "return" : "exchange"));
        }
    }

    static final class ClaimOpen extends DomainRuleViolation {
        ClaimOpen(String claimId) {
            super(ErrorCode.INVALID_STATE, List.of("sellerId"),
                    "Not possible while return or exchange " + claimId + " of this part is open");
        }
    }

    static final class ShippingDetailRequired extends DomainRuleViolation {
        ShippingDetailRequired(String field) {
            super(ErrorCode.INVALID_INPUT, List.of(field), "A " + field + " of 1 to " + MAX_SHIPPING_TEXT
                    + " characters is required");
        }
    }

    static final class ReturnReasonRequired extends DomainRuleViolation {
        ReturnReasonRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"), "Say why the goods go back");
        }
    }

    static final class DetailTooLong extends DomainRuleViolation {
        DetailTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("detail"), "The detail has at most " + MAX_DETAIL_LENGTH
                    + " characters");
        }
    }

    static final class ApprovalTokenRequired extends DomainRuleViolation {
        ApprovalTokenRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("approvalToken"), "The provider's approval token is required");
        }
    }

    static final class RejectionCodeRequired extends DomainRuleViolation {
        RejectionCodeRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("code"), "Say which rule rejected the order");
        }
    }

    static final class UnknownPaymentKey extends DomainRuleViolation {
        UnknownPaymentKey() {
            super(ErrorCode.INVALID_INPUT, List.of("paymentKey"), "This is not the order's payment");
        }
    }

    static final class DepositNotTheAmountDue extends DomainRuleViolation {
        DepositNotTheAmountDue(Money due) {
            super(ErrorCode.INVALID_INPUT, List.of("amount"), "The deposit is not the amount due, " + due);
        }
    }

    static final class RefundExceedsPayment extends DomainRuleViolation {
        RefundExceedsPayment(Money paid) {
            super(ErrorCode.INVALID_STATE, List.of(), "Refunds of this order would exceed what was paid, " + paid);
        }
    }

    // ---- the payment provider's answers, as the API shows them

    static final class ProviderUnavailable extends DomainRuleViolation {
        ProviderUnavailable() {
            super(ErrorCode.PROVIDER_UNAVAILABLE, List.of(),
                    "The payment provider did not answer in time; nothing was changed, try again");
        }
    }

    static final class ProviderRefused extends DomainRuleViolation {
        ProviderRefused(String code) {
            super(ErrorCode.PROVIDER_REFUSED, List.of(), "The payment provider refused the refund (" + code + ")");
        }
    }
}
