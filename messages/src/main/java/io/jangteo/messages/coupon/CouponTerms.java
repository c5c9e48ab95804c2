package io.jangteo.messages.coupon;

import io.jangteo.messages.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a coupon grants and when. Pure: the quote (query side) and the coupon aggregate (command side) compute a
 * discount with {@link #discountFor}, so what the buyer was shown is what the coupon confirms.
 *
 * @param fixedAmount    the amount off, for {@code FIXED}; null for {@code RATE}
 * @param ratePercent    1..100, for {@code RATE}; 0 for {@code FIXED}
 * @param maxDiscount    a cap on a {@code RATE} discount; null when uncapped
 * @param minimumOrder   the covered lines must add up to at least this; null when there is no minimum
 * @param perMemberLimit how many orders of one member may use it at the same time (a cancelled order gives the use back)
 * @param validUntil     exclusive; null when it never expires
 */
public record CouponTerms(String name, DiscountKind kind, Money fixedAmount, int ratePercent, Money maxDiscount,
                          Money minimumOrder, CouponScope scope, int perMemberLimit, Instant validFrom,
                          Instant validUntil) {
    public CouponTerms {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(validFrom, "validFrom");
    }

    public boolean validAt(Instant when) {
        return !when.isBefore(validFrom) && (validUntil == null || when.isBefore(validUntil));
    }

    /** The sum of the lines this coupon covers. */
    public long eligibleAmount(List<CouponLine> lines) {
        long sum = 0;
        for (CouponLine line : lines) {
            if (scope.covers(line.productId(), line.sellerId(), line.categoryId())) {
                sum = Math.addExact(sum, line.amount().amount());
            }
        }
        return sum;
    }

    /**
     * The discount on these lines, never more than the covered amount; zero when nothing is covered or the covered
     * amount is below the minimum order. Rates round down to whole minor units.
     */
    public long discountFor(List<CouponLine> lines) {
        long eligible = eligibleAmount(lines);
        if (eligible <= 0 || (minimumOrder != null && eligible < minimumOrder.amount())) {
            return 0;
        }
        long discount = kind == DiscountKind.FIXED
                ? fixedAmount.amount()
                : Math.multiplyExact(eligible, (long) ratePercent) / 100;
        if (kind == DiscountKind.RATE && maxDiscount != null) {
            discount = Math.min(discount, maxDiscount.amount());
        }
        return Math.min(discount, eligible);
    }
}
