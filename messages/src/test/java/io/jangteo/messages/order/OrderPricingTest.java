package io.jangteo.messages.order;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.Destination;
import io.jangteo.messages.shipping.FeeComponent;
import io.jangteo.messages.shipping.FeeKind;
import io.jangteo.messages.shipping.NotShippable;
import io.jangteo.messages.shipping.RemoteAreas;
import io.jangteo.messages.shipping.ShippingFeeCalculator;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.VersionedPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Shop s-1 bundles its lines (3,000 won, free from 30,000, Jeju +4,000, returns 5,000, exchanges 6,000, policy
 * version 3); shop s-2 ships each line apart (2,500 won, free from 50,000, Jeju +3,000, returns 2,500, exchanges
 * 5,000, version 1).
 */
class OrderPricingTest {

    private static final SellerId S1 = SellerId.of("s-1");
    private static final SellerId S2 = SellerId.of("s-2");
    private static final Destination SEOUL = Destination.korea("04524");
    private static final Destination JEJU = Destination.korea("63100");
    private static final RemoteAreas AREAS = RemoteAreas.defaults();
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    private static final Map<SellerId, VersionedPolicy> POLICIES = Map.of(
            S1, new VersionedPolicy(3, new ShippingPolicy(won(3_000), won(30_000), true, won(4_000), won(6_000), null,
                    won(5_000), won(6_000))),
            S2, new VersionedPolicy(1, new ShippingPolicy(won(2_500), won(50_000), false, won(3_000), won(5_000),
                    null, won(2_500), won(5_000))));

    // ---- apportioning

    @ParameterizedTest(name = "{0}")
    @MethodSource("apportionings")
    void sharesAreWholeUnitsInProportionThatAddUpExactly(String situation, long total, long[] weights,
                                                         long[] expected) {
        long[] shares = OrderPricing.apportion(total, weights);

        assertThat(shares).containsExactly(expected);
        assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
    }

    static Stream<Arguments> apportionings() {
        return Stream.of(
                arguments("three equal lines: the 1 won left over goes to the first",
                        10_000L, weights(10_000, 10_000, 10_000), weights(3_334, 3_333, 3_333)),
                arguments("two 1 won remainders go to the two earliest of equal lines",
                        5L, weights(7, 7, 7), weights(2, 2, 1)),
                arguments("the largest remainder wins over an earlier line",
                        7L, weights(3, 3, 4), weights(2, 2, 3)),
                arguments("a remainder of exactly one unit goes by size, not position",
                        1L, weights(1_000, 1_001), weights(0, 1)),
                arguments("a line of weight 0 gets nothing, even with units left over",
                        3L, weights(0, 5_000, 5_000), weights(0, 2, 1)),
                arguments("a total equal to the weights is the weights themselves",
                        45_000L, weights(12_000, 0, 33_000), weights(12_000, 0, 33_000)),
                arguments("nothing to share gives zeros, also over nothing",
                        0L, weights(0, 0), weights(0, 0)),
                arguments("a single line takes everything",
                        9_999L, weights(25_000), weights(9_999)),
                arguments("large amounts do not overflow",
                        4_000_000_000_000L, weights(1_000_000_000_000L, 3_000_000_000_000L),
                        weights(1_000_000_000_000L, 3_000_000_000_000L)));
    }

    @Test
    void aTotalCannotBeSharedOverNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderPricing.apportion(1, weights(0, 0)));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderPricing.apportion(1, weights(-1, 2)));
    }

    // ---- quotes

    @Test
    void withoutCouponOrPointsEachLinePaysItsAmountAndEachShopItsFee() {
        OrderQuote quote = OrderPricing.quote(List.of(line("p-1", S1, 12_000, 2, 500), line("p-2", S2, 8_000, 1,
                300), line("p-3", S2, 4_500, 3, 200)), POLICIES, AREAS, SEOUL, null, 0, "SILVER");

        assertThat(quote.lines()).extracting(QuotedLine::lineId, QuotedLine::amount, QuotedLine::couponDiscount,
                        QuotedLine::points, QuotedLine::payAmount, QuotedLine::weightGrams)
                .containsExactly(
                        tuple("1", won(24_000), won(0), 0L, won(24_000), 1_000L),
                        tuple("2", won(8_000), won(0), 0L, won(8_000), 300L),
                        tuple("3", won(13_500), won(0), 0L, won(13_500), 600L));
        assertThat(quote.sellers()).extracting(p -> p.sellerId().value(), QuotedSellerPart::sellerName,
                        QuotedSellerPart::policyVersion, QuotedSellerPart::itemsAmount, QuotedSellerPart::shippingFee,
                        QuotedSellerPart::shipments, QuotedSellerPart::returnFee, QuotedSellerPart::exchangeFee)
                .containsExactly(
                        tuple("s-1", "Shop s-1", 3, won(24_000), won(3_000), 1, won(5_000), won(6_000)),
                        tuple("s-2", "Shop s-2", 1, won(21_500), won(5_000), 2, won(2_500), won(5_000)));
        assertThat(quote.itemsTotal()).isEqualTo(won(45_500));
        assertThat(quote.couponId()).isNull();
        assertThat(quote.couponDiscount()).isEqualTo(won(0));
        assertThat(quote.shippingTotal()).isEqualTo(won(8_000));
        assertThat(quote.amountToPay()).isEqualTo(won(53_500));
        assertThat(quote.grade()).isEqualTo("SILVER");
    }

    @Test
    void aCouponForOneShopIsSharedOverThatShopsLinesOnlyAndPointsOverAllLines() {
        AppliedCoupon coupon = coupon(rate(10, null, CouponScope.seller("s-2")));

        OrderQuote quote = OrderPricing.quote(List.of(line("p-1", S1, 10_000, 1, 500), line("p-2", S2, 10_001, 1,
                300), line("p-3", S2, 20_000, 1, 200)), POLICIES, AREAS, JEJU, coupon, 1_001, "GOLD");

        // 10% of the 30,001 won s-2 sells: 3,000 won, split 10,001 : 20,000 -> 1,000.03 and 1,999.97 -> 1,000 / 2,000
        // 1,001 points over 10,000 : 9,001 : 18,000 -> 270.5 / 243.5 / 487.0, rounded down 270 / 243 / 486; the two
        // units left go to the largest remainders, lines 3 and 1
        assertThat(quote.lines()).extracting(QuotedLine::lineId, QuotedLine::couponDiscount, QuotedLine::points,
                        QuotedLine::payAmount)
                .containsExactly(
                        tuple("1", won(0), 271L, won(9_729)),
                        tuple("2", won(1_000), 243L, won(8_758)),
                        tuple("3", won(2_000), 487L, won(17_513)));
        assertThat(quote.couponId()).isEqualTo(CouponId.of("TEN-OFF"));
        assertThat(quote.couponDiscount()).isEqualTo(won(3_000));
        assertThat(quote.points()).isEqualTo(1_001);
        // Jeju: s-1 3,000 + 4,000; s-2 two shipments of 2,500 + 3,000 each
        assertThat(quote.sellers()).extracting(QuotedSellerPart::shippingFee).containsExactly(won(7_000), won(11_000));
        assertThat(quote.sellers().get(1).shippingBreakdown()).extracting(FeeComponent::kind, FeeComponent::amount)
                .containsExactly(tuple(FeeKind.BASE, won(5_000)), tuple(FeeKind.JEJU, won(6_000)));
        assertThat(quote.shippingTotal()).isEqualTo(won(18_000));
        assertThat(quote.amountToPay()).isEqualTo(won(40_001 - 3_000 + 18_000 - 1_001));
        assertThat(quote.lines().stream().mapToLong(l -> l.payAmount().amount()).sum()
                + quote.shippingTotal().amount()).isEqualTo(quote.amountToPay().amount());
    }

    @Test
    void shippingIsPricedOnAmountsBeforeTheCouponSoADiscountKeepsFreeShipping() {
        AppliedCoupon coupon = coupon(fixed(5_000, null, CouponScope.all()));

        OrderQuote quote = OrderPricing.quote(List.of(line("p-1", S1, 30_000, 1, 500)), POLICIES, AREAS, SEOUL,
                coupon, 0, null);

        assertThat(quote.couponDiscount()).isEqualTo(won(5_000));
        assertThat(quote.shippingTotal()).isEqualTo(won(0));
        assertThat(quote.amountToPay()).isEqualTo(won(25_000));
    }

    @Test
    void pointsEqualToTheMaximumLeaveOnlyShippingToPay() {
        List<PricingLine> lines = List.of(line("p-1", S1, 9_999, 1, 500), line("p-2", S1, 3_333, 3, 500),
                line("p-3", S2, 1, 7, 10));
        AppliedCoupon coupon = coupon(fixed(1_000, null, new CouponScope(CouponScopeKind.PRODUCTS,
                List.of("p-2", "p-3"))));
        long maximum = OrderPricing.maxPoints(lines, coupon);

        OrderQuote quote = OrderPricing.quote(lines, POLICIES, AREAS, SEOUL, coupon, maximum, null);

        assertThat(maximum).isEqualTo(9_999 + 9_999 + 7 - 1_000);
        assertThat(quote.lines()).extracting(QuotedLine::couponDiscount, QuotedLine::points, QuotedLine::payAmount)
                .containsExactly(
                        tuple(won(0), 9_999L, won(0)),
                        tuple(won(999), 9_000L, won(0)),
                        tuple(won(1), 6L, won(0)));
        assertThat(quote.amountToPay()).isEqualTo(quote.shippingTotal());
    }

    @Test
    void moreThanTheMaximumOrNegativePointsAreInvalidInputAtPoints() {
        List<PricingLine> lines = List.of(line("p-1", S1, 10_000, 1, 500));
        AppliedCoupon coupon = coupon(fixed(2_000, null, CouponScope.all()));

        assertThatThrownBy(() -> OrderPricing.quote(lines, POLICIES, AREAS, SEOUL, coupon, 8_001, null))
                .isInstanceOfSatisfying(InvalidPoints.class, e -> {
                    assertThat(e.violation().code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.violation().field()).containsExactly("points");
                    assertThat(e.getMessage()).contains("At most 8000 points");
                });
        assertThatThrownBy(() -> OrderPricing.quote(lines, POLICIES, AREAS, SEOUL, null, -1, null))
                .isInstanceOfSatisfying(InvalidPoints.class,
                        e -> assertThat(e.violation().field()).containsExactly("points"));
    }

    @Test
    void aCouponBelowItsMinimumDiscountsNothing() {
        AppliedCoupon coupon = coupon(fixed(3_000, won(30_000), CouponScope.all()));

        OrderQuote quote = OrderPricing.quote(List.of(line("p-1", S1, 29_999, 1, 500)), POLICIES, AREAS, SEOUL,
                coupon, 0, null);

        assertThat(quote.couponDiscount()).isEqualTo(won(0));
        assertThat(quote.lines().get(0).couponDiscount()).isEqualTo(won(0));
    }

    @Test
    void aCappedRateCouponIsSharedByCoveredAmounts() {
        AppliedCoupon coupon = coupon(rate(50, won(10_000), new CouponScope(CouponScopeKind.CATEGORIES,
                List.of("food"))));

        OrderQuote quote = OrderPricing.quote(List.of(line("p-1", S1, 15_000, 1, 500, "food"),
                line("p-2", S1, 9_000, 1, 500, "toys"), line("p-3", S1, 5_000, 1, 500, "food")),
                POLICIES, AREAS, SEOUL, coupon, 0, null);

        // half of 20,000 food is 10,000, the cap; 15,000 : 5,000 -> 7,500 / 2,500
        assertThat(quote.lines()).extracting(QuotedLine::couponDiscount)
                .containsExactly(won(7_500), won(0), won(2_500));
    }

    @Test
    void quotedLinesGiveBackTheCouponAndShippingLinesTheyWerePricedWith() {
        List<PricingLine> lines = List.of(line("p-1", S1, 12_000, 2, 500, "food"), line("p-2", S2, 8_000, 1, 300));
        OrderQuote quote = OrderPricing.quote(lines, POLICIES, AREAS, SEOUL, null, 0, null);

        assertThat(quote.lines().stream().map(OrderPricing::couponLine).toList())
                .isEqualTo(OrderPricing.couponLines(lines));
        assertThat(ShippingFeeCalculator.quote(quote.lines().stream().map(OrderPricing::shippingLine).toList(),
                SEOUL, POLICIES, AREAS).total()).isEqualTo(quote.shippingTotal());
    }

    @Test
    void anOrderIsInOneCurrencyWithACouponInTheSame() {
        PricingLine dollars = new PricingLine(ProductId.of("p-9"), VariantId.DEFAULT, S1, "Shop s-1", "p-9", "SKU",
                List.of(), null, 100, Money.of(1_000, "USD"), 1);

        assertThatIllegalArgumentException().isThrownBy(() -> OrderPricing.quote(
                List.of(line("p-1", S1, 1_000, 1, 100), dollars), POLICIES, AREAS, SEOUL, null, 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderPricing.quote(List.of(dollars),
                POLICIES, AREAS, SEOUL, coupon(fixed(500, null, CouponScope.all())), 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderPricing.quote(List.of(),
                POLICIES, AREAS, SEOUL, null, 0, null));
    }

    @Test
    void aShopWithoutPolicyIsNotShippable() {
        assertThatThrownBy(() -> OrderPricing.quote(List.of(line("p-1", SellerId.of("s-none"), 1_000, 1, 100)),
                POLICIES, AREAS, SEOUL, null, 0, null)).isInstanceOf(NotShippable.class);
    }

    private static PricingLine line(String productId, SellerId seller, long unitPrice, long quantity, long grams) {
        return line(productId, seller, unitPrice, quantity, grams, null);
    }

    private static PricingLine line(String productId, SellerId seller, long unitPrice, long quantity, long grams,
                                    String categoryId) {
        return new PricingLine(ProductId.of(productId), VariantId.DEFAULT, seller, "Shop " + seller.value(),
                "Product " + productId, "SKU-" + productId, List.of(), categoryId, grams, won(unitPrice), quantity);
    }

    private static AppliedCoupon coupon(CouponTerms terms) {
        return new AppliedCoupon(CouponId.of("ten-off"), terms);
    }

    private static CouponTerms fixed(long amount, Money minimum, CouponScope scope) {
        return new CouponTerms("fixed", DiscountKind.FIXED, won(amount), 0, null, minimum, scope, 1, FROM, null);
    }

    private static CouponTerms rate(int percent, Money cap, CouponScope scope) {
        return new CouponTerms("rate", DiscountKind.RATE, null, percent, cap, null, scope, 1, FROM, null);
    }

    private static long[] weights(long... weights) {
        return weights;
    }

    private static Money won(long amount) {
        return Money.won(amount);
    }
}
