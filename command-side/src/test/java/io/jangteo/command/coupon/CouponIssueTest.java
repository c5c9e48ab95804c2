package io.jangteo.command.coupon;

import io.jangteo.command.coupon.CouponAccessPolicy.NotACouponIssuer;
import io.jangteo.command.coupon.CouponAccessPolicy.NotTheIssuer;
import io.jangteo.command.coupon.CouponAccessPolicy.OnlyOwnShopCoupons;
import io.jangteo.command.coupon.CouponRules.AlreadyWithdrawn;
import io.jangteo.command.coupon.CouponRules.CodeTaken;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.messages.coupon.CouponIssued;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponWithdrawn;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.coupon.IssueCoupon;
import io.jangteo.messages.coupon.WithdrawCoupon;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.jangteo.command.coupon.CouponFixtures.CODE;
import static io.jangteo.command.coupon.CouponFixtures.FROM;
import static io.jangteo.command.coupon.CouponFixtures.OTHER_SHOP;
import static io.jangteo.command.coupon.CouponFixtures.SHOP;
import static io.jangteo.command.coupon.CouponFixtures.T0;
import static io.jangteo.command.coupon.CouponFixtures.UNTIL;
import static io.jangteo.command.coupon.CouponFixtures.actingAs;
import static io.jangteo.command.coupon.CouponFixtures.admin;
import static io.jangteo.command.coupon.CouponFixtures.fixed;
import static io.jangteo.command.coupon.CouponFixtures.issued;
import static io.jangteo.command.coupon.CouponFixtures.issuedBy;
import static io.jangteo.command.coupon.CouponFixtures.rate;
import static io.jangteo.command.coupon.CouponFixtures.seller;
import static io.jangteo.command.coupon.CouponFixtures.shopCoupon;
import static io.jangteo.command.coupon.CouponFixtures.won;
import static io.jangteo.command.shared.Violations.violation;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Issuing coupons (who may, which terms make sense, one coupon per code) and withdrawing them. */
class CouponIssueTest {

    private FixtureConfiguration<Coupon> fixture;

    @BeforeEach
    void setUp() {
        fixture = CouponFixtures.fixture();
    }

    @Test
    void anAdminIssuesACouponOnEverythingAndNoShopIsItsIssuer() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new IssueCoupon(CODE, fixed()), admin())
                .expectEvents(new CouponIssued(CODE, fixed(), null, T0))
                .expectResultMessagePayload(0L);
    }

    @Test
    void anAdminIssuesARateCouponWithACapOnListedProducts() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new IssueCoupon(CODE, rate()), admin())
                .expectEvents(new CouponIssued(CODE, rate(), null, T0));
    }

    @Test
    void aSellerIssuesACouponForItsOwnShopAndIsRecordedAsItsIssuer() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new IssueCoupon(CODE, shopCoupon()), seller(SHOP))
                .expectEvents(new CouponIssued(CODE, shopCoupon(), SHOP, T0));
    }

    @Test
    void aSellerCannotIssueACouponForAnotherShop() {
        fixture.givenNoPriorActivity()
                .when(new IssueCoupon(CODE, shopCoupon()), seller(OTHER_SHOP))
                .expectNoEvents()
                .expectException(OnlyOwnShopCoupons.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aSellerCannotIssueACouponOnEverythingOrOnListedProducts() {
        fixture.givenNoPriorActivity()
                .when(new IssueCoupon(CODE, fixed()), seller(SHOP))
                .expectNoEvents()
                .expectException(OnlyOwnShopCoupons.class);
        fixture.givenNoPriorActivity()
                .when(new IssueCoupon(CODE, rate()), seller(SHOP))
                .expectNoEvents()
                .expectException(OnlyOwnShopCoupons.class);
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ANONYMOUS", "CUSTOMER", "SUPPORT", "ANALYST", "SYSTEM"})
    void onlyAdminsAndSellersIssueCoupons(ActorRole role) {
        fixture.givenNoPriorActivity()
                .when(new IssueCoupon(CODE, fixed()), actingAs(role))
                .expectNoEvents()
                .expectException(NotACouponIssuer.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void anOutsiderIsToldForbiddenBeforeAnythingAboutTheTerms() {
        CouponTerms invalid = new CouponTerms("", DiscountKind.FIXED, won(-1), 0, null, null,
                CouponScope.seller(SHOP), 0, FROM, FROM);
        fixture.givenNoPriorActivity()
                .when(new IssueCoupon(CODE, invalid), seller(OTHER_SHOP))
                .expectNoEvents()
                .expectException(OnlyOwnShopCoupons.class);
    }

    @Test
    void aSecondCouponWithATakenCodeIsADuplicateOfTheCode() {
        fixture.given(issued(fixed()))
                .when(new IssueCoupon(CODE, rate()), admin())
                .expectNoEvents()
                .expectException(CodeTaken.class)
                .expectException(violation(ErrorCode.DUPLICATE, List.of("code")))
                .expectExceptionMessage("A coupon with the code WELCOME-5000 already exists");
    }

    @Test
    void aWithdrawnCouponsCodeStaysTaken() {
        fixture.given(issued(fixed()), new CouponWithdrawn(CODE, "ended", T0))
                .when(new IssueCoupon(CODE, fixed()), admin())
                .expectNoEvents()
                .expectException(CodeTaken.class);
    }

    @Test
    void theNameAndScopeIdsAreKeptTrimmed() {
        CouponTerms untidy = new CouponTerms("  Spring 10%  ", DiscountKind.RATE, null, 10, won(3_000), null,
                new CouponScope(CouponScopeKind.PRODUCTS, List.of(" p-1", "p-2 ")), 2, FROM, UNTIL);
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new IssueCoupon(CODE, untidy), admin())
                .expectEvents(new CouponIssued(CODE, rate(), null, T0));
    }

    @Test
    void aRateOfAHundredPercentWithoutCapAndAZeroMinimumAreValid() {
        CouponTerms free = new CouponTerms("Free", DiscountKind.RATE, null, 100, null, won(0), CouponScope.all(),
                100, FROM, null);
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new IssueCoupon(CODE, free), admin())
                .expectEvents(new CouponIssued(CODE, free, null, T0));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> invalidTerms() {
        CouponTerms f = fixed();
        CouponTerms r = rate();
        return Stream.of(
                arguments(with(f, "", f.kind(), f.fixedAmount(), 0, null, f.minimumOrder()), List.of("terms", "name")),
                arguments(with(f, "x".repeat(101), f.kind(), f.fixedAmount(), 0, null, f.minimumOrder()),
                        List.of("terms", "name")),
                arguments(with(f, f.name(), DiscountKind.FIXED, null, 0, null, null), List.of("terms", "fixedAmount")),
                arguments(with(f, f.name(), DiscountKind.FIXED, won(0), 0, null, null),
                        List.of("terms", "fixedAmount")),
                arguments(with(f, f.name(), DiscountKind.FIXED, won(5_000), 10, null, null),
                        List.of("terms", "ratePercent")),
                arguments(with(f, f.name(), DiscountKind.FIXED, won(5_000), 0, won(1_000), null),
                        List.of("terms", "maxDiscount")),
                arguments(with(r, r.name(), DiscountKind.RATE, null, 0, null, null), List.of("terms", "ratePercent")),
                arguments(with(r, r.name(), DiscountKind.RATE, null, 101, null, null),
                        List.of("terms", "ratePercent")),
                arguments(with(r, r.name(), DiscountKind.RATE, won(1_000), 10, null, null),
                        List.of("terms", "fixedAmount")),
                arguments(with(r, r.name(), DiscountKind.RATE, null, 10, won(0), null),
                        List.of("terms", "maxDiscount")),
                arguments(with(r, r.name(), DiscountKind.RATE, null, 10, null, won(-1)),
                        List.of("terms", "minimumOrder")),
                arguments(with(f, f.name(), DiscountKind.FIXED, won(5_000), 0, null, Money.of(30, "USD")),
                        List.of("terms", "minimumOrder", "currency")),
                arguments(with(r, r.name(), DiscountKind.RATE, null, 10, Money.of(3, "USD"), won(10_000)),
                        List.of("terms", "minimumOrder", "currency")),
                arguments(limit(f, 0), List.of("terms", "perMemberLimit")),
                arguments(limit(f, 101), List.of("terms", "perMemberLimit")),
                arguments(validity(f, FROM), List.of("terms", "validUntil")),
                arguments(validity(f, FROM.minusSeconds(1)), List.of("terms", "validUntil")),
                arguments(scoped(f, CouponScopeKind.ALL, List.of("p-1")), List.of("terms", "scope", "ids")),
                arguments(scoped(f, CouponScopeKind.PRODUCTS, List.of()), List.of("terms", "scope", "ids")),
                arguments(scoped(f, CouponScopeKind.CATEGORIES, List.of()), List.of("terms", "scope", "ids")),
                arguments(scoped(f, CouponScopeKind.SELLER, List.of()), List.of("terms", "scope", "ids")),
                arguments(scoped(f, CouponScopeKind.SELLER, List.of("s-1", "s-2")), List.of("terms", "scope", "ids")),
                arguments(scoped(f, CouponScopeKind.PRODUCTS, ids(101)), List.of("terms", "scope", "ids")),
                arguments(scoped(f, CouponScopeKind.PRODUCTS, List.of("p-1", " ")),
                        List.of("terms", "scope", "ids", "1")),
                arguments(scoped(f, CouponScopeKind.CATEGORIES, Collections.nCopies(1, "c".repeat(65))),
                        List.of("terms", "scope", "ids", "0")));
    }

    @ParameterizedTest
    @MethodSource("invalidTerms")
    void termsThatMakeNoSenseAreRefusedNamingTheField(CouponTerms terms, List<String> field) {
        fixture.givenNoPriorActivity()
                .when(new IssueCoupon(CODE, terms), admin())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, field));
    }

    @Test
    void aHundredProductsAreAsWideAsAScopeGoes() {
        CouponTerms wide = scoped(fixed(), CouponScopeKind.PRODUCTS, ids(100));
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new IssueCoupon(CODE, wide), admin())
                .expectEvents(new CouponIssued(CODE, wide, null, T0));
    }

    // ---- withdrawing

    @Test
    void theIssuingShopWithdrawsItsCoupon() {
        fixture.given(issuedBy(SHOP, shopCoupon()))
                .andGivenCurrentTime(T0)
                .when(new WithdrawCoupon(CODE, " sold out of the promotion "), seller(SHOP))
                .expectEvents(new CouponWithdrawn(CODE, "sold out of the promotion", T0))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anAdminWithdrawsAShopsCoupon() {
        fixture.given(issuedBy(SHOP, shopCoupon()))
                .andGivenCurrentTime(T0)
                .when(new WithdrawCoupon(CODE, "misleading terms"), admin())
                .expectEvents(new CouponWithdrawn(CODE, "misleading terms", T0));
    }

    @Test
    void anotherShopCannotWithdrawACoupon() {
        fixture.given(issuedBy(SHOP, shopCoupon()))
                .when(new WithdrawCoupon(CODE, "mine now"), seller(OTHER_SHOP))
                .expectNoEvents()
                .expectException(NotTheIssuer.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void noShopCanWithdrawAnAdminsCoupon() {
        fixture.given(issued(fixed()))
                .when(new WithdrawCoupon(CODE, "mine now"), seller(SHOP))
                .expectNoEvents()
                .expectException(NotTheIssuer.class);
    }

    @Test
    void aCustomerCannotWithdrawACoupon() {
        fixture.given(issued(fixed()))
                .when(new WithdrawCoupon(CODE, "no"), actingAs(ActorRole.CUSTOMER))
                .expectNoEvents()
                .expectException(NotTheIssuer.class);
    }

    @Test
    void withdrawingNeedsAReason() {
        fixture.given(issued(fixed()))
                .when(new WithdrawCoupon(CODE, "  "), admin())
                .expectNoEvents()
                .expectException(ReasonRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
    }

    @Test
    void aWithdrawnCouponCannotBeWithdrawnAgain() {
        fixture.given(issued(fixed()), new CouponWithdrawn(CODE, "ended", T0))
                .when(new WithdrawCoupon(CODE, "ended again"), admin())
                .expectNoEvents()
                .expectException(AlreadyWithdrawn.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void anUnknownCouponCannotBeWithdrawn() {
        fixture.givenNoPriorActivity()
                .when(new WithdrawCoupon(CODE, "ended"), admin())
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    private static CouponTerms with(CouponTerms t, String name, DiscountKind kind, Money fixedAmount, int rate,
                                    Money cap, Money minimum) {
        return new CouponTerms(name, kind, fixedAmount, rate, cap, minimum, t.scope(), t.perMemberLimit(),
                t.validFrom(), t.validUntil());
    }

    private static CouponTerms limit(CouponTerms t, int perMemberLimit) {
        return new CouponTerms(t.name(), t.kind(), t.fixedAmount(), t.ratePercent(), t.maxDiscount(),
                t.minimumOrder(), t.scope(), perMemberLimit, t.validFrom(), t.validUntil());
    }

    private static CouponTerms validity(CouponTerms t, Instant until) {
        return new CouponTerms(t.name(), t.kind(), t.fixedAmount(), t.ratePercent(), t.maxDiscount(),
                t.minimumOrder(), t.scope(), t.perMemberLimit(), t.validFrom(), until);
    }

    private static CouponTerms scoped(CouponTerms t, CouponScopeKind kind, List<String> ids) {
        return new CouponTerms(t.name(), t.kind(), t.fixedAmount(), t.ratePercent(), t.maxDiscount(),
                t.minimumOrder(), new CouponScope(kind, ids), t.perMemberLimit(), t.validFrom(), t.validUntil());
    }

    private static List<String> ids(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "p-" + i).toList();
    }
}
