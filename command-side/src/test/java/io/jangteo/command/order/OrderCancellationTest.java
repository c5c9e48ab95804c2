package io.jangteo.command.order;

import io.jangteo.command.order.OrderFixtures.FakeStoredPaymentMethods;
import io.jangteo.command.payment.PaymentGateway;
import io.jangteo.command.payment.PaymentProviderUnavailable;
import io.jangteo.command.payment.PaymentRefundRefused;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.order.CancelOrder;
import io.jangteo.messages.order.CancelledLine;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderLinesCancelled;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.COUPON;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.OTHER_SELLER;
import static io.jangteo.command.order.OrderFixtures.PAYMENT_KEY;
import static io.jangteo.command.order.OrderFixtures.REASON;
import static io.jangteo.command.order.OrderFixtures.SELLER_A;
import static io.jangteo.command.order.OrderFixtures.SELLER_B;
import static io.jangteo.command.order.OrderFixtures.T0;
import static io.jangteo.command.order.OrderFixtures.and;
import static io.jangteo.command.order.OrderFixtures.buyer;
import static io.jangteo.command.order.OrderFixtures.paidAndDelivered;
import static io.jangteo.command.order.OrderFixtures.otherCustomer;
import static io.jangteo.command.order.OrderFixtures.paid;
import static io.jangteo.command.order.OrderFixtures.paymentApproved;
import static io.jangteo.command.order.OrderFixtures.paymentRequested;
import static io.jangteo.command.order.OrderFixtures.placed;
import static io.jangteo.command.order.OrderFixtures.preparing;
import static io.jangteo.command.order.OrderFixtures.sellerOf;
import static io.jangteo.command.order.OrderFixtures.shipped;
import static io.jangteo.command.order.OrderFixtures.staff;
import static io.jangteo.command.order.OrderFixtures.won;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling: the whole order before payment, lines before shipment after it, each refunded through the provider. */
class OrderCancellationTest {

    private final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixtures.fixture(gateway, new FakeStoredPaymentMethods());
    }

    // ---- before payment

    @Test
    void theBuyerCancelsAnOrderBeingCheckedOut() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new CancelOrder(ORDER, List.of(), REASON), buyer())
                .expectEvents(new OrderCancelled(ORDER, BUYER, REASON, T0))
                .expectResultMessagePayload(1L);
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void cancellingAnOrderAwaitingPaymentAbandonsThePaymentAtTheProvider() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new CancelOrder(ORDER, List.of("L1", "L2", "L3"), REASON), buyer())
                .expectEvents(new OrderCancelled(ORDER, BUYER, REASON, T0));
        assertThat(gateway.calls).containsExactly("cancel " + PAYMENT_KEY);
    }

    @Test
    void aPaymentApprovedBeforeTheCancelArrivedIsRefundedInFull() {
        gateway.cancel = () -> PaymentGateway.Status.approved(ScriptedPaymentGateway.APPROVAL);
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new CancelOrder(ORDER, List.of(), REASON), buyer())
                .expectEvents(paymentApproved(), allLinesCancelled(), refundOfPartA("RF1"), refundOfPartB("RF2"));
    }

    @Test
    void beforePaymentOnlyTheWholeOrderIsCancelled() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new CancelOrder(ORDER, List.of("L1"), REASON), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("lineIds")));
    }

    @Test
    void aSellerCannotCancelAnUnpaidOrder() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new CancelOrder(ORDER, List.of(), REASON), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void anUnansweredCancelAtTheProviderStoresNothing() {
        gateway.cancel = () -> {
            throw new PaymentProviderUnavailable("timeout");
        };
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new CancelOrder(ORDER, List.of(), REASON), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.PROVIDER_UNAVAILABLE, List.of()));
    }

    // ---- after payment

    @Test
    void theBuyerCancelsOneLineAndGetsItsPayAmountAndPointsBack() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of("L2"), REASON), buyer())
                .expectEvents(new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L2", 1)), REASON, false, null,
                                T0),
                        new RefundCompleted(ORDER, BUYER, "RF1", SELLER_A, List.of("L2"), won(12_500), won(0), won(0),
                                won(12_500), 1_000, PAYMENT_KEY, "prf-RF1", REASON, T0))
                .expectResultMessagePayload(4L);
        assertThat(gateway.calls).containsExactly("refund " + PAYMENT_KEY + " RF1 12500 KRW");
    }

    @Test
    void cancellingEveryLineRefundsWhatWasPaidToTheWonAndGivesTheCouponBack() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of(), REASON), buyer())
                .expectEvents(allLinesCancelled(), refundOfPartA("RF1"), refundOfPartB("RF2"));
        // 63,500 + (17,000 + 3,000 shipping) = 83,500, the amount paid
        assertThat(gateway.calls).containsExactly("refund " + PAYMENT_KEY + " RF1 63500 KRW",
                "refund " + PAYMENT_KEY + " RF2 20000 KRW");
    }

    @Test
    void theLastLineOfAPartTakesItsShippingFeeBack() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of("L3"), REASON), buyer())
                .expectEvents(new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L3", 1)), REASON, false, null,
                        T0), refundOfPartB("RF1"));
    }

    @Test
    void refundIdsRunOnAcrossCancellations() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L2", 1)), REASON,
                        false, null, T0), new RefundCompleted(ORDER, BUYER, "RF1", SELLER_A, List.of("L2"),
                        won(12_500), won(0), won(0), won(12_500), 1_000, PAYMENT_KEY, "prf-RF1", REASON, T0)))
                .when(new CancelOrder(ORDER, List.of(), REASON), buyer())
                .expectEvents(new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L1", 2), cancelled("L3", 1)),
                                REASON, true, COUPON, T0),
                        new RefundCompleted(ORDER, BUYER, "RF2", SELLER_A, List.of("L1"), won(51_000), won(0), won(0),
                                won(51_000), 3_000, PAYMENT_KEY, "prf-RF2", REASON, T0),
                        new RefundCompleted(ORDER, BUYER, "RF3", SELLER_B, List.of("L3"), won(17_000), won(3_000),
                                won(0), won(20_000), 1_000, PAYMENT_KEY, "prf-RF3", REASON, T0));
    }

    @Test
    void aFullyCancelledOrderIsCancelled() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), allLinesCancelled(), refundOfPartA("RF1"), refundOfPartB("RF2")))
                .when(new CancelOrder(ORDER, List.of(), REASON), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()))
                .expectExceptionMessage("Not possible while the order is CANCELLED");
    }

    @Test
    void theBuyerCannotCancelOnceTheSellerIsPreparing() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), preparing(SELLER_A)))
                .when(new CancelOrder(ORDER, List.of("L3", "L1"), REASON), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("lineIds", "1")))
                .expectExceptionMessage("Not possible while the seller's part of this line is PREPARING");
    }

    @Test
    void theSellerCancelsItsOwnLinesWhilePreparing() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), preparing(SELLER_A)))
                .when(new CancelOrder(ORDER, List.of(), "Out of stock in the warehouse"), sellerOf(SELLER_A))
                .expectEvents(new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L1", 2), cancelled("L2", 1)),
                                "Out of stock in the warehouse", false, null, T0),
                        new RefundCompleted(ORDER, BUYER, "RF1", SELLER_A, List.of("L1", "L2"), won(63_500), won(0),
                                won(0), won(63_500), 4_000, PAYMENT_KEY, "prf-RF1", "Out of stock in the warehouse",
                                T0));
    }

    @Test
    void aSellerCannotCancelAnotherSellersLine() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of("L1", "L3"), REASON), sellerOf(SELLER_A))
                .expectNoEvents()
                .expectException(violation(ErrorCode.FORBIDDEN, List.of("lineIds", "1")));
    }

    @Test
    void supportCancelsAnyLineBeforeShipment() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), preparing(SELLER_B)))
                .when(new CancelOrder(ORDER, List.of("L3"), "Fraud check"), staff(ActorRole.SUPPORT))
                .expectEvents(new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L3", 1)), "Fraud check", false,
                                null, T0),
                        new RefundCompleted(ORDER, BUYER, "RF1", SELLER_B, List.of("L3"), won(17_000), won(3_000),
                                won(0), won(20_000), 1_000, PAYMENT_KEY, "prf-RF1", "Fraud check", T0));
    }

    @Test
    void shippedLinesAreNotCancelled() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_B)))
                .when(new CancelOrder(ORDER, List.of("L3"), REASON), staff(ActorRole.ADMIN))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("lineIds", "0")));
    }

    @Test
    void withNoLineOpenThereIsNothingToCancel() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new CancelOrder(ORDER, List.of(), REASON), sellerOf(SELLER_A))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("lineIds")));
    }

    @Test
    void everyOpenLineMeansEveryLineNotYetShipped() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_A)))
                .when(new CancelOrder(ORDER, List.of(), REASON), buyer())
                .expectEvents(new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L3", 1)), REASON, false, null,
                        T0), refundOfPartB("RF1"));
    }

    @Test
    void aCancelledLineIsNotCancelledAgain() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L2", 1)), REASON,
                        false, null, T0)))
                .when(new CancelOrder(ORDER, List.of("L2"), REASON), buyer())
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("lineIds", "0")))
                .expectExceptionMessage("Not possible while the line is CANCELLED");
    }

    @Test
    void unknownLinesAreNotFoundAtTheirIndex() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of("L1", "L9"), REASON), buyer())
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("lineIds", "1")));
    }

    @Test
    void aLineNamedTwiceIsRefused() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of("L1", "L1"), REASON), buyer())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("lineIds", "1")));
    }

    @Test
    void aCancellationNeedsAReason() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of("L1"), " "), buyer())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
    }

    @Test
    void outsidersCannotCancel() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of("L1"), " "), otherCustomer())
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of(), REASON), sellerOf(OTHER_SELLER))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of(), REASON), staff(ActorRole.ANALYST))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aRefundTheProviderRefusesStoresNothing() {
        gateway.refund = (refundId, amount) -> {
            throw new PaymentRefundRefused("EXCEEDS_BALANCE", "more than is left");
        };
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of("L2"), REASON), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.PROVIDER_REFUSED, List.of()));
    }

    @Test
    void anUnansweredRefundStoresNothingAndMayBeRetried() {
        gateway.refund = (refundId, amount) -> {
            if (refundId.equals("RF2")) {
                throw new PaymentProviderUnavailable("timeout");
            }
            return "prf-" + refundId;
        };
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new CancelOrder(ORDER, List.of(), REASON), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.PROVIDER_UNAVAILABLE, List.of()));
    }

    @Test
    void refundsNeverExceedWhatWasPaid() {
        RefundCompleted goodwill = new RefundCompleted(ORDER, BUYER, "RF1", SELLER_A, List.of(), won(0), won(0),
                won(0), won(70_000), 0, PAYMENT_KEY, "prf-RF1", "goodwill", T0);
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), goodwill))
                .when(new CancelOrder(ORDER, List.of("L3"), REASON), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
        assertThat(gateway.calls).isEmpty();
    }

    private static CancelledLine cancelled(String lineId, long quantity) {
        return new CancelledLine(lineId, ProductId.of("p-" + lineId), VariantId.of("v-" + lineId), quantity);
    }

    private static OrderLinesCancelled allLinesCancelled() {
        return new OrderLinesCancelled(ORDER, BUYER, List.of(cancelled("L1", 2), cancelled("L2", 1),
                cancelled("L3", 1)), REASON, true, COUPON, T0);
    }

    private static RefundCompleted refundOfPartA(String refundId) {
        return new RefundCompleted(ORDER, BUYER, refundId, SELLER_A, List.of("L1", "L2"), won(63_500), won(0), won(0),
                won(63_500), 4_000, PAYMENT_KEY, "prf-" + refundId, REASON, T0);
    }

    private static RefundCompleted refundOfPartB(String refundId) {
        return refund(refundId, SELLER_B);
    }

    private static RefundCompleted refund(String refundId, SellerId seller) {
        return new RefundCompleted(ORDER, BUYER, refundId, seller, List.of("L3"), won(17_000), won(3_000), won(0),
                won(20_000), 1_000, PAYMENT_KEY, "prf-" + refundId, REASON, T0);
    }
}
