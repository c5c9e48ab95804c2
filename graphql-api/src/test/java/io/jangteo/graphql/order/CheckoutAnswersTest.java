package io.jangteo.graphql.order;

import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.LineStatus;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLineView;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentStatus;
import io.jangteo.messages.order.PaymentView;
import io.jangteo.messages.order.SellerPartStatus;
import io.jangteo.messages.order.SellerPartView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How checkout tells the buyer what became of the order: rejections, declines and quote errors at input paths. */
class CheckoutAnswersTest {

    private static final OrderId ORDER = OrderId.of("ord-0123456789abcdef01234567");

    @Test
    void aRejectedOrderNamesEachRefusedLineByItsInputIndex() {
        OrderView rejected = order(OrderStatus.REJECTED, List.of(
                new LineRejection("2", ErrorCode.OUT_OF_STOCK, "Only 0 left of SKU-2"),
                new LineRejection("10", ErrorCode.PRICE_CHANGED, "Now 12,000 KRW")), null);

        OrderPayload payload = Checkout.answer(ORDER, rejected);

        assertThat(payload.orderId()).isEqualTo(ORDER.value());
        assertThat(payload.order()).isSameAs(rejected);
        assertThat(payload.errors()).containsExactly(
                new UserError(ErrorCode.OUT_OF_STOCK, List.of("input", "lines", "1"), "Only 0 left of SKU-2"),
                new UserError(ErrorCode.PRICE_CHANGED, List.of("input", "lines", "9"), "Now 12,000 KRW"));
    }

    @Test
    void aRejectionOfTheCouponOrThePointsPointsAtThoseFields() {
        OrderView rejected = order(OrderStatus.REJECTED, List.of(
                new LineRejection(null, ErrorCode.COUPON_NOT_APPLICABLE, "Use limit reached"),
                new LineRejection(null, ErrorCode.INSUFFICIENT_POINTS, "Only 100 points"),
                new LineRejection("R", ErrorCode.NOT_FOUND, "?")), null);

        assertThat(Checkout.answer(ORDER, rejected).errors()).extracting(UserError::field).containsExactly(
                List.of("input", "couponCode"), List.of("input", "points"), List.of("input", "lines"));
    }

    @Test
    void aRejectionWithoutLinesStillSaysWhy() {
        OrderView rejected = order(OrderStatus.REJECTED, List.of(), null);

        assertThat(Checkout.answer(ORDER, rejected).errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
    }

    @Test
    void aDeclinedPaymentIsAUserErrorWithTheProvidersMessage() {
        PaymentView declined = new PaymentView(PaymentMethod.BRAND_PAY, PaymentStatus.DECLINED, "pay-1",
                Money.won(1_000), null, null, null, null, "CARD_DECLINED", "The card was declined");

        assertThat(Checkout.answer(ORDER, order(OrderStatus.PAYMENT_DECLINED, List.of(), declined)).errors())
                .containsExactly(new UserError(ErrorCode.PAYMENT_DECLINED, List.of("input", "payment"),
                        "The card was declined"));
    }

    @Test
    void anOrderOnItsWayHasNoErrorsAndAnOrderNotYetSeenKeepsItsId() {
        assertThat(Checkout.answer(ORDER, order(OrderStatus.AWAITING_PAYMENT, List.of(), null)).errors()).isEmpty();
        OrderPayload unseen = Checkout.answer(ORDER, null);
        assertThat(unseen.orderId()).isEqualTo(ORDER.value());
        assertThat(unseen.order()).isNull();
        assertThat(unseen.errors()).isEmpty();
    }

    @Test
    void quoteErrorsAboutTheDestinationPointAtTheShippingAddress() {
        assertThat(Checkout.placementError(new RuleViolation(ErrorCode.INVALID_INPUT, List.of("destination", "postcode"),
                "five digits")).field()).containsExactly("input", "shippingAddress", "postcode");
        assertThat(Checkout.placementError(new RuleViolation(ErrorCode.OUT_OF_STOCK, List.of("lines", "0", "quantity"),
                "only 1 left")).field()).containsExactly("input", "lines", "0", "quantity");
        assertThat(Checkout.placementError(new RuleViolation(ErrorCode.NOT_SHIPPABLE, List.of(), "no")).field())
                .isEmpty();
    }

    @Test
    void subscribersAreToldOfStatusChangesOnly() {
        OrderView placed = order(OrderStatus.AWAITING_PAYMENT, List.of(), null);
        OrderView sameStatusesLater = new OrderView(placed.orderId(), placed.buyerId(), placed.status(), placed.lines(),
                placed.sellers(), placed.itemsTotal(), null, null, 0, placed.shippingTotal(), placed.amountToPay(), null,
                null, null, List.of(), List.of(), List.of(), "touched", null, placed.placedAt(), Instant.now(), 9);

        assertThat(OrderController.statuses(sameStatusesLater)).isEqualTo(OrderController.statuses(placed));
        assertThat(OrderController.statuses(order(OrderStatus.PAID, List.of(), null)))
                .isNotEqualTo(OrderController.statuses(placed));
    }

    private static OrderView order(OrderStatus status, List<LineRejection> rejections, PaymentView payment) {
        Money zero = Money.won(0);
        OrderLineView line = new OrderLineView("1", ProductId.of("p1"), VariantId.DEFAULT, SellerId.of("s1"), "셔츠",
                "SKU-1", List.of(), Money.won(1_000), 1, Money.won(1_000), zero, 0, Money.won(1_000), LineStatus.ORDERED);
        SellerPartView part = new SellerPartView(SellerId.of("s1"), "가게", SellerPartStatus.AWAITING_PAYMENT, 1,
                Money.won(1_000), zero, List.of(), zero, zero, null, null, null, null, null, null, null);
        return new OrderView(ORDER, MemberId.of("m1"), status, List.of(line), List.of(part), Money.won(1_000), null,
                zero, 0, zero, Money.won(1_000), zero, payment, null, List.of(), List.of(), rejections, null, "BASIC",
                Instant.parse("2026-11-25T09:30:00Z"), Instant.parse("2026-11-25T09:30:00Z"), 1);
    }
}
