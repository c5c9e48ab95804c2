package io.jangteo.messages.order;

import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.Destination;
import io.jangteo.messages.shipping.InvalidDestination;
import io.jangteo.messages.shipping.NotShippable;
import io.jangteo.messages.shipping.RemoteAreas;
import io.jangteo.messages.shipping.SellerShippingFee;
import io.jangteo.messages.shipping.ShippingFeeCalculator;
import io.jangteo.messages.shipping.ShippingLine;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.ShippingQuote;
import io.jangteo.messages.shipping.VersionedPolicy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one pricing rule for orders: the cart and the quote show what it computes and checkout charges the same, so a
 * buyer pays exactly what was shown. Pure and deterministic, integer minor units only.
 * <p>
 * A line costs {@code unitPrice × quantity}. The coupon's discount ({@link io.jangteo.messages.coupon.CouponTerms#discountFor})
 * is shared over the lines it covers in proportion to their amounts; points over all lines in proportion to what is
 * left of each after the coupon. Both shares are whole minor units by the largest-remainder method (ties go to the
 * earlier line) and add up exactly, so a refund of any set of lines gives back exactly their part. Shipping comes from
 * {@link ShippingFeeCalculator} on the amounts before discounts (a coupon does not cost the buyer free shipping).
 */
public final class OrderPricing {

    private OrderPricing() {
    }

    /**
     * Prices an order. Lines are numbered "1", "2"… in the order given.
     *
     * @param policies each seller's current policy and its version
     * @param coupon   the coupon the buyer chose, or null
     * @param points   points to spend, 0 for none
     * @param grade    the buyer's grade, recorded in the quote (null for a guest)
     * @throws InvalidPoints       when points are negative or more than {@link #maxPoints}
     * @throws InvalidDestination  when the destination is malformed
     * @throws NotShippable        when a seller has no policy or does not serve the destination
     * @throws IllegalArgumentException when there are no lines, the lines mix currencies, or the coupon is in another
     *                                  currency than the lines
     */
    public static OrderQuote quote(List<PricingLine> lines, Map<SellerId, VersionedPolicy> policies,
                                   RemoteAreas areas, Destination destination, AppliedCoupon coupon, long points,
                                   String grade) {
        String currency = currencyOf(lines);
        if (coupon != null && !coupon.isIn(currency)) {
            throw new IllegalArgumentException("coupon " + coupon.couponId() + " is not in " + currency);
        }
        long[] amounts = amounts(lines);
        long itemsTotal = sum(amounts);
        long discount = coupon == null ? 0 : coupon.terms().discountFor(couponLinesOf(lines, amounts));
        if (points < 0) {
            throw InvalidPoints.negative(points);
        }
        if (points > itemsTotal - discount) {
            throw InvalidPoints.overOrder(points, itemsTotal - discount);
        }
        long[] covered = new long[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            covered[i] = coupon != null && covers(coupon, lines.get(i)) ? amounts[i] : 0;
        }
        long[] discounts = apportion(discount, covered);
        long[] afterCoupon = new long[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            afterCoupon[i] = amounts[i] - discounts[i];
        }
        long[] pointShares = apportion(points, afterCoupon);

        List<QuotedLine> quoted = new ArrayList<>(lines.size());
        List<ShippingLine> shippingLines = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            PricingLine line = lines.get(i);
            long weight = Math.multiplyExact(line.unitWeightGrams(), line.quantity());
            quoted.add(new QuotedLine(lineId(i), line.productId(), line.variantId(), line.sellerId(),
                    line.productName(), line.sku(), line.optionValues(), line.categoryId(), weight, line.unitPrice(),
                    line.quantity(), Money.of(amounts[i], currency), Money.of(discounts[i], currency),
                    pointShares[i], Money.of(amounts[i] - discounts[i] - pointShares[i], currency)));
            shippingLines.add(new ShippingLine(line.sellerId(), weight, Money.of(amounts[i], currency)));
        }
        ShippingQuote shipping = ShippingFeeCalculator.quote(shippingLines, destination, policies, areas);
        List<QuotedSellerPart> sellers = new ArrayList<>(shipping.sellers().size());
        Money shippingTotal = Money.of(0, currency);
        for (SellerShippingFee fee : shipping.sellers()) {
            ShippingPolicy policy = policies.get(fee.sellerId()).policy();
            sellers.add(new QuotedSellerPart(fee.sellerId(), sellerName(lines, fee.sellerId()), fee.policyVersion(),
                    fee.itemsAmount(), fee.fee(), fee.breakdown(), fee.shipments(), policy.returnFee(),
                    policy.exchangeFee()));
            shippingTotal = shippingTotal.plus(fee.fee());
        }
        long toPay = Math.subtractExact(Math.addExact(itemsTotal - discount, shippingTotal.amount()), points);
        return new OrderQuote(quoted, sellers, Money.of(itemsTotal, currency),
                coupon == null ? null : coupon.couponId(), Money.of(discount, currency), points, shippingTotal,
                Money.of(toPay, currency), grade);
    }

    /** The most points these lines can take with this coupon (or none): their amount after the coupon's discount. */
    public static long maxPoints(List<PricingLine> lines, AppliedCoupon coupon) {
        currencyOf(lines);
        long[] amounts = amounts(lines);
        long discount = coupon == null ? 0 : coupon.terms().discountFor(couponLinesOf(lines, amounts));
        return sum(amounts) - discount;
    }

    /** The lines as a coupon sees them, numbered as the quote numbers them: what checkout redeems the coupon with. */
    public static List<CouponLine> couponLines(List<PricingLine> lines) {
        return couponLinesOf(lines, amounts(lines));
    }

    /** A quoted line as the coupon saw it, so checkout redeems a coupon with exactly the lines it was quoted for. */
    public static CouponLine couponLine(QuotedLine line) {
        return new CouponLine(line.lineId(), line.productId().value(), line.sellerId().value(), line.categoryId(),
                line.amount());
    }

    /** A quoted line as the shipping calculator needs it, to price shipping again for what remains of an order. */
    public static ShippingLine shippingLine(QuotedLine line) {
        return new ShippingLine(line.sellerId(), line.weightGrams(), line.amount());
    }

    /**
     * Splits {@code total} over {@code weights} in proportion, in whole units, by the largest-remainder method: each
     * share is rounded down, and the units left over go one each to the largest remainders, the earlier share first
     * on a tie. The shares add up to {@code total}; a share of weight 0 is 0, and no share exceeds its weight while
     * {@code total} does not exceed the weights' sum.
     *
     * @throws IllegalArgumentException when a weight or the total is negative, or the weights add up to 0 while the
     *                                  total does not
     */
    static long[] apportion(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("cannot apportion a negative total");
        }
        long sum = 0;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("cannot apportion by a negative weight");
            }
            sum = Math.addExact(sum, weight);
        }
        long[] shares = new long[weights.length];
        if (total == 0) {
            return shares;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("cannot apportion " + total + " over nothing");
        }
        // total × weight overflows a long for large orders in currencies with small units
        BigInteger big = BigInteger.valueOf(total);
        BigInteger divisor = BigInteger.valueOf(sum);
        long[] remainders = new long[weights.length];
        long left = total;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] quotient = big.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(divisor);
            shares[i] = quotient[0].longValueExact();
            remainders[i] = quotient[1].longValueExact();
            left -= shares[i];
        }
        Integer[] order = new Integer[weights.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
                .thenComparingInt(i -> i));
        for (int k = 0; k < left; k++) {
            shares[order[k]]++;
        }
        return shares;
    }

    static String lineId(int index) {
        return Integer.toString(index + 1);
    }

    private static String currencyOf(List<PricingLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        String currency = lines.get(0).unitPrice().currency();
        for (PricingLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("an order is paid in one currency; its lines mix " + currency
                        + " and " + line.unitPrice().currency());
            }
        }
        return currency;
    }

    private static long[] amounts(List<PricingLine> lines) {
        long[] amounts = new long[lines.size()];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = Math.multiplyExact(lines.get(i).unitPrice().amount(), lines.get(i).quantity());
        }
        return amounts;
    }

    private static long sum(long[] amounts) {
        long sum = 0;
        for (long amount : amounts) {
            sum = Math.addExact(sum, amount);
        }
        return sum;
    }

    private static List<CouponLine> couponLinesOf(List<PricingLine> lines, long[] amounts) {
        List<CouponLine> couponLines = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            PricingLine line = lines.get(i);
            couponLines.add(new CouponLine(lineId(i), line.productId().value(), line.sellerId().value(),
                    line.categoryId(), Money.of(amounts[i], line.unitPrice().currency())));
        }
        return couponLines;
    }

    private static boolean covers(AppliedCoupon coupon, PricingLine line) {
        return coupon.terms().scope().covers(line.productId().value(), line.sellerId().value(), line.categoryId());
    }

    private static String sellerName(List<PricingLine> lines, SellerId sellerId) {
        for (PricingLine line : lines) {
            if (line.sellerId().equals(sellerId)) {
                return line.sellerName();
            }
        }
        return null;
    }
}
