package io.jangteo.messages.rewards;

import java.util.Objects;

/**
 * One grade of the grade table: reached with purchases of at least {@code minPurchase} (minor units of the table's
 * currency) within the table's window; purchases earn {@code pointsRatePermille}/1000 of their amount as points.
 */
public record GradeRule(String code, String name, long minPurchase, int pointsRatePermille) {
    public GradeRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (code.isBlank() || minPurchase < 0 || pointsRatePermille < 0 || pointsRatePermille > 1000) {
            throw new IllegalArgumentException("grade " + code + ": code required, minPurchase >= 0, rate 0..1000 permille");
        }
    }
}
