package io.jangteo.command.rewards;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.rewards.GradeRule;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * How a grade is reached: the highest grade of the table whose minimum the purchases recorded within the window reach.
 * An account without a grade event holds the table's lowest grade; only changes are recorded, each with its rule in
 * words, so support can answer "why am I SILVER" from the history alone.
 */
final class GradeRules {

    static final String MANUAL = "manual";

    private GradeRules() {
    }

    static Instant windowStart(GradeTable table, Instant now) {
        return now.minus(table.window());
    }

    /** Purchases in other currencies (recorded before the table changed currency) cannot be compared: they drop out. */
    static Money totalWithin(GradeTable table, Collection<Purchase> purchases, Instant now) {
        Instant windowStart = windowStart(table, now);
        long total = purchases.stream()
                .filter(p -> p.recordedAt().isAfter(windowStart))
                .filter(p -> p.amount().currency().equals(table.currency()))
                .mapToLong(p -> p.amount().amount())
                .reduce(0L, Math::addExact);
        return Money.of(total, table.currency());
    }

    /** A stored grade the table no longer has (the table was reconfigured) earns at the lowest rate until reviewed. */
    static GradeRule current(GradeTable table, String grade) {
        return grade == null ? table.lowest() : table.find(grade).orElse(table.lowest());
    }

    static String currentCode(GradeTable table, String grade) {
        return grade == null ? table.lowest().code() : grade;
    }

    static GradeRule existing(GradeTable table, String code) {
        return table.find(code == null ? "" : code.strip()).orElseThrow(UnknownGrade::new);
    }

    /** E.g. "GOLD (골드): purchases of at least 1,000,000 KRW within P365D; total 1,200,000 KRW". */
    static String rule(GradeRule grade, GradeTable table, Money total) {
        return grade.code() + " (" + grade.name() + "): purchases of at least "
                + money(grade.minPurchase(), table.currency()) + " within " + window(table.window())
                + "; total " + money(total.amount(), total.currency());
    }

    static String money(long minorUnits, String currency) {
        int digits = fractionDigits(currency);
        return String.format(Locale.ROOT, "%,." + digits + "f", BigDecimal.valueOf(minorUnits, digits)) + " " + currency;
    }

    /** Whole days read as days ("P365D"), not as Duration's hours ("PT8760H"). */
    static String window(Duration window) {
        return window.toSeconds() % 86_400 == 0 && window.getNano() == 0 ? "P" + window.toDays() + "D" : window.toString();
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException notIso) {
            return 0;
        }
    }

    static final class UnknownGrade extends DomainRuleViolation {
        UnknownGrade() {
            super(ErrorCode.INVALID_INPUT, List.of("grade"), "No such grade in the grade table");
        }
    }
}
