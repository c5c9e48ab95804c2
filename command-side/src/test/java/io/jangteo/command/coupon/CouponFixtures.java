package io.jangteo.command.coupon;

import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponIssued;
import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.coupon.CouponRedeemed;
import io.jangteo.messages.coupon.CouponRestored;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builders shared by the coupon's tests. Now is {@link #T0}; the coupons are valid from a day before until 30 days
 * after it. Products p-1 and p-2 are seller s-1's, p-3 is seller s-2's.
 */
final class CouponFixtures {

    static final CouponId CODE = CouponId.of("WELCOME-5000");
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final Instant FROM = T0.minus(Duration.ofDays(1));
    static final Instant UNTIL = T0.plus(Duration.ofDays(30));
    static final MemberId MEMBER = MemberId.of("member-1");
    static final MemberId OTHER_MEMBER = MemberId.of("member-2");
    static final String SHOP = "s-1";
    static final String OTHER_SHOP = "s-2";

    private CouponFixtures() {
    }

    static FixtureConfiguration<Coupon> fixture() {
        return new AggregateTestFixture<>(Coupon.class);
    }

    static Money won(long amount) {
        return Money.won(amount);
    }

    /** 5,000 won off orders of at least 30,000 won, once per member at a time, on everything. */
    static CouponTerms fixed() {
        return new CouponTerms("Welcome 5,000", DiscountKind.FIXED, won(5_000), 0, null, won(30_000),
                CouponScope.all(), 1, FROM, UNTIL);
    }

    /** 10 % off products p-1 and p-2, at most 3,000 won, twice per member at a time. */
    static CouponTerms rate() {
        return new CouponTerms("Spring 10%", DiscountKind.RATE, null, 10, won(3_000), null,
                new CouponScope(CouponScopeKind.PRODUCTS, List.of("p-1", "p-2")), 2, FROM, UNTIL);
    }

    /** 2,000 won off shop s-1's products, without a minimum or an end. */
    static CouponTerms shopCoupon() {
        return new CouponTerms("Shop 2,000", DiscountKind.FIXED, won(2_000), 0, null, null, CouponScope.seller(SHOP),
                1, FROM, null);
    }

    static CouponIssued issued(CouponTerms terms) {
        return new CouponIssued(CODE, terms, null, FROM);
    }

    static CouponIssued issuedBy(String shop, CouponTerms terms) {
        return new CouponIssued(CODE, terms, shop, FROM);
    }

    static CouponRedeemed redeemed(MemberId member, String orderId, long discount) {
        return new CouponRedeemed(CODE, member, orderId, won(discount), T0);
    }

    static CouponRestored restored(MemberId member, String orderId) {
        return new CouponRestored(CODE, member, orderId, "order " + orderId + " cancelled", T0);
    }

    /** A line of {@code productId} (p-3 is s-2's, the others s-1's) in category c-food. */
    static CouponLine line(String lineId, String productId, long amount) {
        return new CouponLine(lineId, productId, "p-3".equals(productId) ? OTHER_SHOP : SHOP, "c-food", won(amount));
    }

    static Map<String, Object> admin() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.ADMIN.name());
    }

    static Map<String, Object> seller(String shop) {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.SELLER.name(), AuditKeys.ACTOR_SELLER_ID, shop);
    }

    static Map<String, Object> checkout() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.SYSTEM.name(), AuditKeys.ACTOR_ID, "system:checkout");
    }

    static Map<String, Object> actingAs(ActorRole role) {
        return Map.of(AuditKeys.ACTOR_ROLE, role.name());
    }
}
