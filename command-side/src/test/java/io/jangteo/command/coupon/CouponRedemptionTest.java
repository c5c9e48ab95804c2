package io.jangteo.command.coupon;

import io.jangteo.command.coupon.CouponAccessPolicy.OnlyCheckoutRedeems;
import io.jangteo.command.coupon.CouponAccessPolicy.OnlySystemActorsOrAdminsRestore;
import io.jangteo.command.coupon.CouponRules.DiscountMismatch;
import io.jangteo.command.coupon.CouponRules.MemberLimitReached;
import io.jangteo.command.coupon.CouponRules.NothingToDiscount;
import io.jangteo.command.coupon.CouponRules.OrderIdRequired;
import io.jangteo.command.coupon.CouponRules.OtherCurrency;
import io.jangteo.command.coupon.CouponRules.OutsideValidity;
import io.jangteo.command.coupon.CouponRules.WithdrawnCoupon;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.coupon.CouponRestored;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponWithdrawn;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.coupon.RedeemCoupon;
import io.jangteo.messages.coupon.RestoreCoupon;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jangteo.command.coupon.CouponFixtures.CODE;
import static io.jangteo.command.coupon.CouponFixtures.FROM;
import static io.jangteo.command.coupon.CouponFixtures.MEMBER;
import static io.jangteo.command.coupon.CouponFixtures.OTHER_MEMBER;
import static io.jangteo.command.coupon.CouponFixtures.SHOP;
import static io.jangteo.command.coupon.CouponFixtures.T0;
import static io.jangteo.command.coupon.CouponFixtures.UNTIL;
import static io.jangteo.command.coupon.CouponFixtures.actingAs;
import static io.jangteo.command.coupon.CouponFixtures.admin;
import static io.jangteo.command.coupon.CouponFixtures.checkout;
import static io.jangteo.command.coupon.CouponFixtures.fixed;
import static io.jangteo.command.coupon.CouponFixtures.issued;
import static io.jangteo.command.coupon.CouponFixtures.issuedBy;
import static io.jangteo.command.coupon.CouponFixtures.line;
import static io.jangteo.command.coupon.CouponFixtures.rate;
import static io.jangteo.command.coupon.CouponFixtures.redeemed;
import static io.jangteo.command.coupon.CouponFixtures.restored;
import static io.jangteo.command.coupon.CouponFixtures.shopCoupon;
import static io.jangteo.command.coupon.CouponFixtures.won;
import static io.jangteo.command.shared.Violations.violation;

/** Orders using a coupon (checkout redeems it, once per order) and giving the use back. */
class CouponRedemptionTest {

    private FixtureConfiguration<Coupon> fixture;

    @BeforeEach
    void setUp() {
        fixture = CouponFixtures.fixture();
    }

    private static RedeemCoupon redeem(MemberId member, String orderId, List<CouponLine> lines, long discount) {
        return new RedeemCoupon(CODE, member, orderId, lines, won(discount));
    }

    /** 40,000 won of s-1's products and 10,000 won of s-2's. */
    private static List<CouponLine> twoShops() {
        return List.of(line("1", "p-1", 30_000), line("2", "p-2", 10_000), line("3", "p-3", 10_000));
    }

    @Test
    void checkoutRedeemsAFixedDiscountForAnOrder() {
        fixture.given(issued(fixed()))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", twoShops(), 5_000), checkout())
                .expectEvents(redeemed(MEMBER, "ord-1", 5_000))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aRateDiscountIsCappedAndCountsOnlyTheListedProducts() {
        // 10 % of the 40,000 won of p-1 and p-2 is 4,000: the cap makes it 3,000; p-3 is outside the scope
        fixture.given(issued(rate()))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", twoShops(), 3_000), checkout())
                .expectEvents(redeemed(MEMBER, "ord-1", 3_000));
    }

    @Test
    void aRateDiscountBelowItsCapRoundsDownToWholeWon() {
        fixture.given(issued(rate()))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", List.of(line("1", "p-1", 12_345), line("2", "p-3", 99_000)), 1_234),
                        checkout())
                .expectEvents(redeemed(MEMBER, "ord-1", 1_234));
    }

    @Test
    void aShopsCouponDiscountsOnlyThatShopsLines() {
        CouponTerms fiftyPercent = new CouponTerms("Half", DiscountKind.RATE, null, 50, null, null,
                CouponScope.seller(SHOP), 1, FROM, null);
        fixture.given(issuedBy(SHOP, fiftyPercent))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", twoShops(), 20_000), checkout())
                .expectEvents(redeemed(MEMBER, "ord-1", 20_000));
    }

    @Test
    void aShopsCouponDoesNotApplyToAnOrderWithoutItsProducts() {
        fixture.given(issuedBy(SHOP, shopCoupon()))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", List.of(line("1", "p-3", 50_000)), 2_000), checkout())
                .expectNoEvents()
                .expectException(NothingToDiscount.class)
                .expectException(violation(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId")));
    }

    @Test
    void aCategoryCouponCountsTheLinesOfItsCategories() {
        CouponTerms food = new CouponTerms("Food", DiscountKind.FIXED, won(1_000), 0, null, null,
                new CouponScope(CouponScopeKind.CATEGORIES, List.of("c-food")), 1, FROM, null);
        fixture.given(issued(food))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", List.of(line("1", "p-1", 500), new CouponLine("2", "p-9", SHOP,
                        "c-toys", won(5_000))), 500), checkout())
                // a fixed discount is never more than what it covers
                .expectEvents(redeemed(MEMBER, "ord-1", 500));
    }

    @Test
    void anOrderBelowTheMinimumCannotUseTheCoupon() {
        fixture.given(issued(fixed()))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", List.of(line("1", "p-1", 29_999)), 5_000), checkout())
                .expectNoEvents()
                .expectException(NothingToDiscount.class);
    }

    @Test
    void anOrderReachingTheMinimumExactlyUsesTheCoupon() {
        fixture.given(issued(fixed()))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", List.of(line("1", "p-1", 30_000)), 5_000), checkout())
                .expectEvents(redeemed(MEMBER, "ord-1", 5_000));
    }

    @Test
    void aDiscountOtherThanTheTermsGiveIsRefused() {
        // the buyer was shown another discount: the order must be priced again
        fixture.given(issued(rate()))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", twoShops(), 4_000), checkout())
                .expectNoEvents()
                .expectException(DiscountMismatch.class)
                .expectException(violation(ErrorCode.COUPON_NOT_APPLICABLE, List.of("discount")))
                .expectExceptionMessage("This coupon gives 3000 KRW off these lines, not 4000 KRW");
    }

    @Test
    void aWithdrawnCouponCannotBeRedeemed() {
        fixture.given(issued(fixed()), new CouponWithdrawn(CODE, "ended", T0))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", twoShops(), 5_000), checkout())
                .expectNoEvents()
                .expectException(WithdrawnCoupon.class)
                .expectException(violation(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId")));
    }

    @Test
    void aCouponCannotBeRedeemedBeforeItsValidity() {
        fixture.given(issued(fixed()))
                .andGivenCurrentTime(FROM.minusSeconds(1))
                .when(redeem(MEMBER, "ord-1", twoShops(), 5_000), checkout())
                .expectNoEvents()
                .expectException(OutsideValidity.class)
                .expectException(violation(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId")));
    }

    @Test
    void aCouponCannotBeRedeemedFromTheEndOfItsValidity() {
        fixture.given(issued(fixed()))
                .andGivenCurrentTime(UNTIL)
                .when(redeem(MEMBER, "ord-1", twoShops(), 5_000), checkout())
                .expectNoEvents()
                .expectException(OutsideValidity.class);
    }

    @Test
    void aMemberAtTheLimitCannotUseTheCouponOnAnotherOrder() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-2", twoShops(), 5_000), checkout())
                .expectNoEvents()
                .expectException(MemberLimitReached.class)
                .expectException(violation(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId")));
    }

    @Test
    void theLimitIsPerMember() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000))
                .andGivenCurrentTime(T0)
                .when(redeem(OTHER_MEMBER, "ord-2", twoShops(), 5_000), checkout())
                .expectEvents(redeemed(OTHER_MEMBER, "ord-2", 5_000));
    }

    @Test
    void aUseGivenBackFreesTheLimitForAnotherOrder() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000), restored(MEMBER, "ord-1"))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-2", twoShops(), 5_000), checkout())
                .expectEvents(redeemed(MEMBER, "ord-2", 5_000));
    }

    @Test
    void aLimitOfTwoAllowsTwoOrdersAtATime() {
        fixture.given(issued(rate()), redeemed(MEMBER, "ord-1", 3_000))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-2", twoShops(), 3_000), checkout())
                .expectEvents(redeemed(MEMBER, "ord-2", 3_000));
        fixture.given(issued(rate()), redeemed(MEMBER, "ord-1", 3_000), redeemed(MEMBER, "ord-2", 3_000))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-3", twoShops(), 3_000), checkout())
                .expectNoEvents()
                .expectException(MemberLimitReached.class);
    }

    @Test
    void redeemingForTheSameOrderAgainChangesNothing() {
        // checkout retrying after a timeout must not count the order twice against the limit
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", twoShops(), 5_000), checkout())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void anOrderWhoseUseWasGivenBackDoesNotTakeItAgain() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000), restored(MEMBER, "ord-1"))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, "ord-1", twoShops(), 5_000), checkout())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDiscountInAnotherCurrencyIsRefused() {
        fixture.given(issued(fixed()))
                .andGivenCurrentTime(T0)
                .when(new RedeemCoupon(CODE, MEMBER, "ord-1", List.of(new CouponLine("1", "p-1", SHOP, null,
                        Money.of(40_000, "USD"))), Money.of(5_000, "USD")), checkout())
                .expectNoEvents()
                .expectException(OtherCurrency.class)
                .expectException(violation(ErrorCode.COUPON_NOT_APPLICABLE, List.of("couponId")));
    }

    @Test
    void linesInAnotherCurrencyThanTheDiscountAreRefused() {
        CouponTerms anyCurrency = new CouponTerms("10%", DiscountKind.RATE, null, 10, null, null, CouponScope.all(),
                1, FROM, null);
        fixture.given(issued(anyCurrency))
                .andGivenCurrentTime(T0)
                .when(new RedeemCoupon(CODE, MEMBER, "ord-1", List.of(line("1", "p-1", 10_000),
                        new CouponLine("2", "p-2", SHOP, null, Money.of(10_000, "USD"))), won(2_000)), checkout())
                .expectNoEvents()
                .expectException(OtherCurrency.class);
    }

    @Test
    void onlyCheckoutRedeemsACoupon() {
        fixture.given(issued(fixed()))
                .when(redeem(MEMBER, "ord-1", twoShops(), 5_000), actingAs(ActorRole.CUSTOMER))
                .expectNoEvents()
                .expectException(OnlyCheckoutRedeems.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.given(issued(fixed()))
                .when(redeem(MEMBER, "ord-1", twoShops(), 5_000), admin())
                .expectNoEvents()
                .expectException(OnlyCheckoutRedeems.class);
    }

    @Test
    void aRedemptionNamesItsOrder() {
        fixture.given(issued(fixed()))
                .andGivenCurrentTime(T0)
                .when(redeem(MEMBER, " ", twoShops(), 5_000), checkout())
                .expectNoEvents()
                .expectException(OrderIdRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("orderId")));
    }

    // ---- giving a use back

    @Test
    void aFailedOrdersUseIsGivenBack() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000))
                .andGivenCurrentTime(T0)
                .when(new RestoreCoupon(CODE, "ord-1", "order ord-1 cancelled"), checkout())
                .expectEvents(restored(MEMBER, "ord-1"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aUseIsGivenBackEvenWhenTheCouponWasWithdrawnSince() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000), new CouponWithdrawn(CODE, "ended", T0))
                .andGivenCurrentTime(T0)
                .when(new RestoreCoupon(CODE, "ord-1", "order ord-1 cancelled"), checkout())
                .expectEvents(restored(MEMBER, "ord-1"));
    }

    @Test
    void anAdminGivesAUseBack() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000))
                .andGivenCurrentTime(T0)
                .when(new RestoreCoupon(CODE, "ord-1", "goodwill"), admin())
                .expectEvents(new CouponRestored(CODE, MEMBER, "ord-1", "goodwill", T0));
    }

    @Test
    void givingBackAUseTwiceChangesNothing() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000), restored(MEMBER, "ord-1"))
                .when(new RestoreCoupon(CODE, "ord-1", "order ord-1 cancelled"), checkout())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void givingBackTheUseOfAnOrderThatNeverHadOneChangesNothing() {
        // checkout compensates what it may have done: a coupon step that never ran leaves nothing to give back
        fixture.given(issued(fixed()))
                .when(new RestoreCoupon(CODE, "ord-9", "order ord-9 rejected"), checkout())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aCustomerCannotGiveAUseBack() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000))
                .when(new RestoreCoupon(CODE, "ord-1", "please"), actingAs(ActorRole.CUSTOMER))
                .expectNoEvents()
                .expectException(OnlySystemActorsOrAdminsRestore.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void givingAUseBackNeedsAReason() {
        fixture.given(issued(fixed()), redeemed(MEMBER, "ord-1", 5_000))
                .when(new RestoreCoupon(CODE, "ord-1", null), admin())
                .expectNoEvents()
                .expectException(ReasonRequired.class);
    }
}
