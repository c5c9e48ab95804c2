package io.jangteo.command.checkout;

import io.jangteo.messages.catalog.CommitStock;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ReleaseStock;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.coupon.RedeemCoupon;
import io.jangteo.messages.coupon.RestoreCoupon;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentDeclined;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.rewards.RefundPoints;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

import java.time.Instant;
import java.util.List;

/**
 * An order of member-1 with three lines from two shops: line 1 two kimchi (SKU KIM-1KG, 12,000 won) and line 2 one
 * small tangerine box (SKU TNG-S, 20,000 won) from s-1, line 3 one box of Jeju tangerines without SKU (30,000 won)
 * from s-2; coupon WELCOME-5000 takes 5,000 won off, 1,000 points are spent; 3,000 won shipping.
 */
final class CheckoutFixtures {

    static final MemberId BUYER = MemberId.of("member-1");
    static final OrderId ORDER = OrderId.forIdempotencyKey(BUYER, "checkout-test-1");
    static final OrderId OTHER_ORDER = OrderId.forIdempotencyKey(BUYER, "checkout-test-2");
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final CouponId COUPON = CouponId.of("WELCOME-5000");
    static final long POINTS = 1_000;
    static final ProductId KIMCHI = ProductId.of("p-kimchi");
    static final ProductId TANGERINE_BOX = ProductId.of("p-tangerine-box");
    static final ProductId JEJU_TANGERINES = ProductId.of("p-jeju");
    static final SellerId SHOP = SellerId.of("s-1");
    static final SellerId OTHER_SHOP = SellerId.of("s-2");

    private CheckoutFixtures() {
    }

    static Money won(long amount) {
        return Money.won(amount);
    }

    static List<QuotedLine> lines() {
        return List.of(
                new QuotedLine("1", KIMCHI, VariantId.DEFAULT, SHOP, "Kimchi 1kg", "KIM-1KG", List.of(), "c-food",
                        1_000, won(12_000), 2, won(24_000), won(1_621), 338, won(22_041)),
                new QuotedLine("2", TANGERINE_BOX, VariantId.of("small"), SHOP, "Tangerine box", "TNG-S",
                        List.of("S"), "c-fruit", 2_000, won(20_000), 1, won(20_000), won(1_351), 281, won(18_368)),
                new QuotedLine("3", JEJU_TANGERINES, VariantId.DEFAULT, OTHER_SHOP, "Jeju tangerines 5kg", null,
                        List.of(), "c-fruit", 5_000, won(30_000), 1, won(30_000), won(2_028), 381, won(27_591)));
    }

    static OrderQuote quote() {
        return new OrderQuote(lines(), List.of(
                new QuotedSellerPart(SHOP, "Kimchi House", 1, won(44_000), won(0), List.of(), 1, won(3_000),
                        won(6_000)),
                new QuotedSellerPart(OTHER_SHOP, "Jeju Farm", 2, won(30_000), won(3_000), List.of(), 1, won(3_000),
                        won(6_000))),
                won(74_000), COUPON, won(5_000), POINTS, won(3_000), won(71_000), "SILVER");
    }

    /** The same lines without coupon or points. */
    static OrderQuote plainQuote() {
        List<QuotedLine> lines = lines().stream()
                .map(l -> new QuotedLine(l.lineId(), l.productId(), l.variantId(), l.sellerId(), l.productName(),
                        l.sku(), l.optionValues(), l.categoryId(), l.weightGrams(), l.unitPrice(), l.quantity(),
                        l.amount(), won(0), 0, l.amount()))
                .toList();
        return new OrderQuote(lines, quote().sellers(), won(74_000), null, won(0), 0, won(3_000), won(77_000),
                "SILVER");
    }

    static OrderPlaced placed() {
        return placed(quote());
    }

    static OrderPlaced placed(OrderQuote quote) {
        return new OrderPlaced(ORDER, BUYER, "checkout-test-1", "fp-1", quote,
                new ShippingAddress("Kim Minji", "01012345678", "KR", "63100", "Jeju-si 1", null, null),
                new PaymentChoice(PaymentMethod.KAKAO_PAY, null, "https://shop.example/return"), null, T0);
    }

    static ReserveStock reserve(String lineId) {
        QuotedLine line = lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElseThrow();
        return new ReserveStock(line.productId(), line.variantId(), ORDER.reservationId(lineId), line.quantity(),
                line.unitPrice());
    }

    static ReleaseStock release(String lineId) {
        return new ReleaseStock(productOf(lineId), ORDER.reservationId(lineId));
    }

    static CommitStock commit(String lineId) {
        return new CommitStock(productOf(lineId), ORDER.reservationId(lineId));
    }

    private static ProductId productOf(String lineId) {
        return lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElseThrow().productId();
    }

    static SpendPoints spend() {
        return new SpendPoints(RewardsId.of(BUYER), BUYER, ORDER.pointsSpendId(), POINTS, ORDER.value());
    }

    static RefundPoints refund(String reason) {
        return new RefundPoints(RewardsId.of(BUYER), BUYER, ORDER.pointsSpendId(), POINTS, reason);
    }

    static RedeemCoupon redeem() {
        return new RedeemCoupon(COUPON, BUYER, ORDER.value(), List.of(
                new CouponLine("1", KIMCHI.value(), SHOP.value(), "c-food", won(24_000)),
                new CouponLine("2", TANGERINE_BOX.value(), SHOP.value(), "c-fruit", won(20_000)),
                new CouponLine("3", JEJU_TANGERINES.value(), OTHER_SHOP.value(), "c-fruit", won(30_000))),
                won(5_000));
    }

    static RestoreCoupon restore(String reason) {
        return new RestoreCoupon(COUPON, ORDER.value(), reason);
    }

    static PaymentApproved approved(OrderId order) {
        return new PaymentApproved(order, BUYER, "pay-" + order, PaymentMethod.KAKAO_PAY, won(71_000), "tx-1", T0);
    }

    static PaymentDeclined declined() {
        return new PaymentDeclined(ORDER, BUYER, "pay-" + ORDER, PaymentMethod.KAKAO_PAY, "CARD_DECLINED",
                "The card was declined", T0);
    }

    static OrderExpired expired() {
        return new OrderExpired(ORDER, BUYER, "no deposit by the deadline", T0);
    }

    static OrderCancelled cancelled() {
        return new OrderCancelled(ORDER, BUYER, "changed my mind", T0);
    }

    /** A refusal as it crosses the command bus: the rule violation as the details of Axon's exception. */
    static CommandExecutionException refusal(ErrorCode code, String message) {
        return new CommandExecutionException(message, null, new RuleViolation(code, List.of(), message));
    }
}
