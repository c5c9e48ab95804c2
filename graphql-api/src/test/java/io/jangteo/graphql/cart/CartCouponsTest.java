package io.jangteo.graphql.cart;

import io.jangteo.graphql.cart.CartCoupons.Candidate;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponStatus;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Which coupons a cart lists: the coupon's own rule on the purchasable lines, as of now. */
class CartCouponsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static CouponView coupon(String code, DiscountKind kind, long fixed, int rate, Long minimum,
                                     CouponScope scope, Instant until, CouponStatus status) {
        CouponTerms terms = new CouponTerms(code + " 쿠폰", kind, kind == DiscountKind.FIXED ? Money.won(fixed) : null,
                rate, null, minimum == null ? null : Money.won(minimum), scope, 1, NOW.minus(Duration.ofDays(1)),
                until);
        return new CouponView(CouponId.of(code), terms, status, null, 0, NOW, 0);
    }

    private static CouponView fixed(String code, long amount, Long minimum, CouponScope scope) {
        return coupon(code, DiscountKind.FIXED, amount, 0, minimum, scope, null, CouponStatus.ACTIVE);
    }

    private static CartItemNode item(String productId, String sellerId, long amount, boolean purchasable) {
        return new CartItemNode(productId, "v1", null, "녹차", List.of(), null, sellerId, "cat-1", Money.won(amount),
                Money.won(amount), 1, 5L, purchasable, null, null);
    }

    @Test
    void onlyCouponsThatDiscountThePurchasableLinesNowAreListedLargestFirst() {
        List<CouponLine> lines = CartCoupons.lines(List.of(item("p-1", "s-1", 30_000, true),
                item("p-2", "s-2", 50_000, false), item("p-3", "s-2", 10_000, true)));

        List<Candidate> candidates = CartCoupons.candidates(List.of(
                fixed("SMALL", 1_000, null, CouponScope.all()),
                coupon("RATE-10", DiscountKind.RATE, 0, 10, null, CouponScope.all(), null, CouponStatus.ACTIVE),
                fixed("MIN-50K", 5_000, 50_000L, CouponScope.all()),
                fixed("SHOP-2", 3_000, null, CouponScope.seller("s-2")),
                fixed("SHOP-9", 3_000, null, CouponScope.seller("s-9")),
                coupon("EXPIRED", DiscountKind.FIXED, 9_000, 0, null, CouponScope.all(), NOW, CouponStatus.ACTIVE),
                coupon("WITHDRAWN", DiscountKind.FIXED, 9_000, 0, null, CouponScope.all(), null,
                        CouponStatus.WITHDRAWN)), lines, NOW);

        assertThat(lines).extracting(CouponLine::lineId).containsExactly("0", "2");
        assertThat(candidates).extracting(c -> c.coupon().couponId().value(), c -> c.discount().amount())
                .containsExactly(tuple("RATE-10", 4_000L),
                        tuple("SHOP-2", 3_000L),
                        tuple("SMALL", 1_000L));
    }

    @Test
    void aCartWithNothingPurchasableHasNoCoupons() {
        assertThat(CartCoupons.candidates(List.of(fixed("SMALL", 1_000, null, CouponScope.all())), List.of(), NOW))
                .isEmpty();
    }
}
