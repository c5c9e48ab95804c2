package io.jangteo.messages.rewards;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The member grade table (회원등급), e.g. 일반/실버/골드/VIP: grades ascending by {@code minPurchase}, the lowest at 0;
 * a member's grade is the highest whose minimum their confirmed purchases within {@code window} reach. Configuration,
 * the same on both sides.
 */
public record GradeTable(List<GradeRule> grades, String currency, Duration window) {
    public GradeTable {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(window, "window");
        grades = grades.stream().sorted(Comparator.comparingLong(GradeRule::minPurchase)).toList();
        if (grades.isEmpty() || grades.get(0).minPurchase() != 0) {
            throw new IllegalArgumentException("the grade table needs a lowest grade with minPurchase 0");
        }
        if (new HashSet<>(grades.stream().map(GradeRule::code).toList()).size() != grades.size()) {
            throw new IllegalArgumentException("grade codes must be unique");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the grade window must be positive");
        }
    }

    public GradeRule lowest() {
        return grades.get(0);
    }

    /** The grade a purchase total within the window earns. */
    public GradeRule gradeFor(long purchaseTotal) {
        GradeRule reached = lowest();
        for (GradeRule grade : grades) {
            if (purchaseTotal >= grade.minPurchase()) {
                reached = grade;
            }
        }
        return reached;
    }

    public Optional<GradeRule> find(String code) {
        return grades.stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
