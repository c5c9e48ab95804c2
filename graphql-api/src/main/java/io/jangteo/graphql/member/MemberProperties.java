package io.jangteo.graphql.member;

import io.jangteo.messages.rewards.GradeRule;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.rewards.PointsPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Member settings the application owns: the grade table, the points policy and the first admin. (Lock-out, session
 * and reset lifetimes are read by the command side under {@code jangteo.members.lockout/session/password-reset}.)
 *
 * @param grades       the grade table, any order; one grade must start at 0
 * @param gradeWindow  how far back confirmed purchases count toward the grade
 * @param currency     the currency purchase totals and grade minimums are in
 * @param points       when earned points become available and how long they stay
 * @param initialAdmin the account made ADMIN at first start
 */
@ConfigurationProperties("jangteo.members")
record MemberProperties(@DefaultValue({}) List<Grade> grades,
                        @DefaultValue("P365D") Duration gradeWindow,
                        @DefaultValue("KRW") String currency,
                        @DefaultValue Points points,
                        @DefaultValue InitialAdmin initialAdmin) {

    /** Korean shops' usual four grades, used when none are configured. */
    static final List<Grade> DEFAULT_GRADES = List.of(
            new Grade("BASIC", "일반", 0, 10),
            new Grade("SILVER", "실버", 300_000, 20),
            new Grade("GOLD", "골드", 1_000_000, 30),
            new Grade("VIP", "VIP", 3_000_000, 50));

    GradeTable gradeTable() {
        List<Grade> table = grades.isEmpty() ? DEFAULT_GRADES : grades;
        return new GradeTable(table.stream()
                .map(g -> new GradeRule(g.code(), g.name(), g.minPurchase(), g.pointsRatePermille())).toList(),
                currency, gradeWindow);
    }

    PointsPolicy pointsPolicy() {
        return new PointsPolicy(points.pendingPeriod(), points.validity());
    }

    /**
     * @param minPurchase        minor units of {@code currency}
     * @param pointsRatePermille points per 1,000 of purchase (10 = 1%)
     */
    record Grade(String code, String name, long minPurchase, int pointsRatePermille) {
    }

    /**
     * @param pendingPeriod how long earned points wait (returns stay possible) before they can be spent
     * @param validity      how long after earning they expire
     */
    record Points(@DefaultValue("P7D") Duration pendingPeriod, @DefaultValue("P365D") Duration validity) {
    }

    /**
     * @param email    e-mail of the first admin account, created at first start when no member has it
     * @param password its password; when empty, one is generated and written to the data directory file
     *                 {@code initial-admin-password}
     * @param phone    its phone (registration needs one)
     * @param enabled  whether to create it at all
     */
    record InitialAdmin(@DefaultValue("admin@jangteo.local") String email, String password,
                        @DefaultValue("01000000000") String phone, @DefaultValue("true") boolean enabled) {
    }
}
