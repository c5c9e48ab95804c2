package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.util.List;

/** Rules on stock movements. Available stock (on hand minus reserved) never goes below zero: nothing is oversold. */
final class StockRules {

    /** Far above any real delivery, far enough below {@code Long.MAX_VALUE} that sums of levels cannot overflow. */
    static final long MAX_QUANTITY = 1_000_000_000L;
    static final int MAX_REASON_LENGTH = 200;

    private StockRules() {
    }

    static void assertQuantityInRange(long quantity, String field) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new StockQuantityOutOfRange(field);
        }
    }

    /** A blank reason is none. */
    static String optionalReason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (ProductRules.length(stripped) > MAX_REASON_LENGTH) {
            throw new ReasonTooLong();
        }
        return stripped.isEmpty() ? null : stripped;
    }

    /** A correction of counted stock must say why, or the history cannot explain where goods went. */
    static String requiredReason(String reason) {
        String valid = optionalReason(reason);
        if (valid == null) {
            throw new AdjustmentReasonRequired();
        }
        return valid;
    }

    static void assertNonZeroAdjustment(long delta) {
        if (delta == 0) {
            throw new ZeroStockAdjustment();
        }
        if (Math.abs(delta) > MAX_QUANTITY) {
            throw new StockQuantityOutOfRange("delta");
        }
    }

    static void assertAdjustmentKeepsReservations(Variant variant, long delta) {
        if (variant.onHand + delta < variant.reserved) {
            throw new AdjustmentBelowReserved(variant);
        }
    }

    static void assertAvailable(Variant variant, long quantity) {
        if (variant.available() < quantity) {
            throw new InsufficientStock(variant.variantId, variant.available());
        }
    }

    /** The buyer is charged the price they were shown, or nothing: a price changed since must be shown again. */
    static void assertPriceAsExpected(Variant variant, Money currentPrice, Money expectedPrice) {
        if (expectedPrice != null && !expectedPrice.equals(currentPrice)) {
            throw new PriceChanged(variant.variantId, currentPrice);
        }
    }

    static final class StockQuantityOutOfRange extends DomainRuleViolation {
        StockQuantityOutOfRange(String field) {
            super(ErrorCode.INVALID_INPUT, List.of(field), "A stock quantity is 1 to " + MAX_QUANTITY);
        }
    }

    static final class ReasonTooLong extends DomainRuleViolation {
        ReasonTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"), "A reason has at most " + MAX_REASON_LENGTH + " characters");
        }
    }

    static final class AdjustmentReasonRequired extends DomainRuleViolation {
        AdjustmentReasonRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"), "A stock adjustment needs a reason");
        }
    }

    static final class ZeroStockAdjustment extends DomainRuleViolation {
        ZeroStockAdjustment() {
            super(ErrorCode.INVALID_INPUT, List.of("delta"), "A stock adjustment changes the stock by at least one unit");
        }
    }

    static final class AdjustmentBelowReserved extends DomainRuleViolation {
        AdjustmentBelowReserved(Variant variant) {
            super(ErrorCode.OUT_OF_STOCK, List.of("delta"), "Variant " + variant.variantId + " has " + variant.onHand
                    + " on hand of which " + variant.reserved + " are reserved; on-hand stock cannot go below that");
        }
    }

    static final class InsufficientStock extends DomainRuleViolation {
        InsufficientStock(VariantId variantId, long available) {
            super(ErrorCode.OUT_OF_STOCK, List.of("variantId"),
                    "Only " + available + " of variant " + variantId + " available");
        }
    }

    static final class PriceChanged extends DomainRuleViolation {
        PriceChanged(VariantId variantId, Money currentPrice) {
            super(ErrorCode.PRICE_CHANGED, List.of("expectedUnitPrice"),
                    "Variant " + variantId + " now costs " + currentPrice);
        }
    }

    static final class VariantNotActive extends DomainRuleViolation {
        VariantNotActive(VariantId variantId) {
            super(ErrorCode.INVALID_STATE, List.of("variantId"), "Variant " + variantId + " is not for sale");
        }
    }

    static final class ReservationIdReused extends DomainRuleViolation {
        ReservationIdReused(ReservationId reservationId) {
            super(ErrorCode.INVALID_INPUT, List.of("reservationId"),
                    "Reservation " + reservationId + " was made for another variant or quantity");
        }
    }

    static final class UnknownReservation extends DomainRuleViolation {
        UnknownReservation(ReservationId reservationId) {
            super(ErrorCode.NOT_FOUND, List.of("reservationId"), "No reservation " + reservationId + " on this product");
        }
    }

    static final class ReservationAlreadyCommitted extends DomainRuleViolation {
        ReservationAlreadyCommitted(ReservationId reservationId) {
            super(ErrorCode.INVALID_STATE, List.of("reservationId"),
                    "Reservation " + reservationId + " is sold and cannot be released");
        }
    }

    static final class ReservationAlreadyReleased extends DomainRuleViolation {
        ReservationAlreadyReleased(ReservationId reservationId) {
            super(ErrorCode.INVALID_STATE, List.of("reservationId"),
                    "Reservation " + reservationId + " was released and cannot be committed");
        }
    }
}
