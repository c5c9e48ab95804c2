package io.jangteo.command.order;

import io.jangteo.command.order.OrderFixtures.FakeStoredPaymentMethods;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.order.CancelOrder;
import io.jangteo.messages.order.CancelledLine;
import io.jangteo.messages.order.ConfirmPurchase;
import io.jangteo.messages.order.MarkSellerPartDelivered;
import io.jangteo.messages.order.OrderLinesCancelled;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.order.ReturnApproved;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.ReturnReceived;
import io.jangteo.messages.order.ReturnRequested;
import io.jangteo.messages.order.SellerPartDelivered;
import io.jangteo.messages.order.SellerPartPreparing;
import io.jangteo.messages.order.SellerPartShipped;
import io.jangteo.messages.order.ShipSellerPart;
import io.jangteo.messages.order.StartPreparing;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.OTHER_SELLER;
import static io.jangteo.command.order.OrderFixtures.REASON;
import static io.jangteo.command.order.OrderFixtures.SELLER_A;
import static io.jangteo.command.order.OrderFixtures.SELLER_B;
import static io.jangteo.command.order.OrderFixtures.T0;
import static io.jangteo.command.order.OrderFixtures.and;
import static io.jangteo.command.order.OrderFixtures.buyer;
import static io.jangteo.command.order.OrderFixtures.paid;
import static io.jangteo.command.order.OrderFixtures.paidAndDelivered;
import static io.jangteo.command.order.OrderFixtures.paymentRequested;
import static io.jangteo.command.order.OrderFixtures.placed;
import static io.jangteo.command.order.OrderFixtures.preparing;
import static io.jangteo.command.order.OrderFixtures.sellerOf;
import static io.jangteo.command.order.OrderFixtures.shipped;
import static io.jangteo.command.order.OrderFixtures.staff;
import static io.jangteo.command.order.OrderFixtures.system;
import static io.jangteo.command.order.OrderFixtures.won;
import static io.jangteo.command.shared.Violations.violation;

/** Each seller's part: preparing, shipping, delivery and purchase confirmation, and when the whole order completes. */
class OrderFulfilmentTest {

    private static final Duration AUTO_CONFIRM = Duration.ofDays(7);

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixtures.fixture(new ScriptedPaymentGateway(), new FakeStoredPaymentMethods());
    }

    // ---- preparing

    @Test
    void theSellerStartsPreparingItsPart() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new StartPreparing(ORDER, SELLER_A), sellerOf(SELLER_A))
                .expectEvents(new SellerPartPreparing(ORDER, BUYER, SELLER_A, T0))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aSellerActsOnlyOnItsOwnPart() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new StartPreparing(ORDER, SELLER_B), sellerOf(SELLER_A))
                .expectNoEvents()
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void theBuyerDoesNotMoveASellersPart() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new StartPreparing(ORDER, SELLER_A), buyer())
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void supportMovesAnyPart() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new StartPreparing(ORDER, SELLER_B), staff(ActorRole.SUPPORT))
                .expectEvents(new SellerPartPreparing(ORDER, BUYER, SELLER_B, T0));
    }

    @Test
    void aSellerWithoutAPartInTheOrderFindsNone() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new StartPreparing(ORDER, OTHER_SELLER), sellerOf(OTHER_SELLER))
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("sellerId")));
    }

    @Test
    void staffMustNameThePart() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new StartPreparing(ORDER, null), staff(ActorRole.ADMIN))
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("sellerId")));
    }

    @Test
    void nothingIsPreparedBeforePayment() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new StartPreparing(ORDER, SELLER_A), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("sellerId")))
                .expectExceptionMessage("Not possible while the seller's part is AWAITING_PAYMENT");
    }

    @Test
    void aPartIsPreparedOnce() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), preparing(SELLER_A)))
                .when(new StartPreparing(ORDER, SELLER_A), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("sellerId")));
    }

    // ---- shipping

    @Test
    void theSellerShipsItsPartWithCarrierAndTrackingNumber() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), preparing(SELLER_A)))
                .when(new ShipSellerPart(ORDER, SELLER_A, " CJ대한통운 ", "6543-2109-8765"), sellerOf(SELLER_A))
                .expectEvents(new SellerPartShipped(ORDER, BUYER, SELLER_A, "CJ대한통운", "6543-2109-8765", T0));
    }

    @Test
    void aPaidPartMayShipWithoutPreparingFirst() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new ShipSellerPart(ORDER, SELLER_B, "우체국택배", "1234567890123"), sellerOf(SELLER_B))
                .expectEvents(new SellerPartShipped(ORDER, BUYER, SELLER_B, "우체국택배", "1234567890123", T0));
    }

    @Test
    void shippingNeedsCarrierAndTrackingNumber() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new ShipSellerPart(ORDER, SELLER_A, " ", "6543"), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("carrier")));
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new ShipSellerPart(ORDER, SELLER_A, "CJ대한통운", null), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("trackingNumber")));
    }

    @Test
    void aShippedPartIsNotShippedAgain() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_A)))
                .when(new ShipSellerPart(ORDER, SELLER_A, "CJ대한통운", "1"), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("sellerId")))
                .expectExceptionMessage("Not possible while the seller's part is SHIPPED");
    }

    // ---- delivery

    @Test
    void aDeliveredPartIsConfirmedAutomaticallyAfterTheConfiguredPeriod() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_A)))
                .when(new MarkSellerPartDelivered(ORDER, SELLER_A), sellerOf(SELLER_A))
                .expectEvents(new SellerPartDelivered(ORDER, BUYER, SELLER_A, T0, T0.plus(AUTO_CONFIRM)));
    }

    @Test
    void aCarrierIntegrationReportsDeliveryAndRepeatsChangeNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_A)))
                .when(new MarkSellerPartDelivered(ORDER, SELLER_A), system())
                .expectEvents(new SellerPartDelivered(ORDER, BUYER, SELLER_A, T0, T0.plus(AUTO_CONFIRM)));
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new MarkSellerPartDelivered(ORDER, SELLER_A), system())
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void onlyAShippedPartIsDelivered() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new MarkSellerPartDelivered(ORDER, SELLER_A), staff(ActorRole.ADMIN))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("sellerId")));
    }

    @Test
    void theBuyerDoesNotReportDelivery() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_A)))
                .when(new MarkSellerPartDelivered(ORDER, SELLER_A), buyer())
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    // ---- purchase confirmation

    @Test
    void theBuyerConfirmsWhatTheyPaidForThePart() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new ConfirmPurchase(ORDER, SELLER_A), buyer())
                .expectEvents(new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(63_500), false, T0))
                .expectResultMessagePayload(5L);
    }

    @Test
    void theAutoConfirmDeadlineConfirmsAsTheSystem() {
        fixture.givenCurrentTime(T0.plus(AUTO_CONFIRM))
                .andGiven(paidAndDelivered(SELLER_B))
                .when(new ConfirmPurchase(ORDER, SELLER_B), system())
                .expectEvents(new PurchaseConfirmed(ORDER, BUYER, SELLER_B, won(17_000), true, T0.plus(AUTO_CONFIRM)));
    }

    @Test
    void anAdminConfirmsOnTheBuyersBehalf() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_B))
                .when(new ConfirmPurchase(ORDER, SELLER_B), staff(ActorRole.ADMIN))
                .expectEvents(new PurchaseConfirmed(ORDER, BUYER, SELLER_B, won(17_000), false, T0));
    }

    @Test
    void sellersAndSupportDoNotConfirmPurchases() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new ConfirmPurchase(ORDER, SELLER_A), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new ConfirmPurchase(ORDER, SELLER_A), staff(ActorRole.SUPPORT))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void aConfirmationIsIdempotent() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A),
                        new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(63_500), false, T0)))
                .when(new ConfirmPurchase(ORDER, SELLER_A), system())
                .expectNoEvents()
                .expectResultMessagePayload(5L);
    }

    @Test
    void theBuyerCannotConfirmAPartNotDelivered() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_A)))
                .when(new ConfirmPurchase(ORDER, SELLER_A), buyer())
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("sellerId")));
    }

    @Test
    void theDeadlineFindsNothingToDoForAPartThatMovedOn() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_A)))
                .when(new ConfirmPurchase(ORDER, SELLER_A), system())
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOpenReturnHoldsTheConfirmationOff() {
        Object[] returnOpen = and(paidAndDelivered(SELLER_A), returnRequested("R1", "L2"));
        fixture.givenCurrentTime(T0)
                .andGiven(returnOpen)
                .when(new ConfirmPurchase(ORDER, SELLER_A), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("sellerId")))
                .expectExceptionMessage("Not possible while return or exchange R1 of this part is open");
        fixture.givenCurrentTime(T0)
                .andGiven(returnOpen)
                .when(new ConfirmPurchase(ORDER, SELLER_A), system())
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void returnedAndCancelledLinesAreNotPartOfTheConfirmedAmount() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", "L2"),
                        new ReturnApproved(ORDER, BUYER, SELLER_A, "R1", T0),
                        new ReturnReceived(ORDER, BUYER, SELLER_A, "R1", T0)))
                .when(new ConfirmPurchase(ORDER, SELLER_A), buyer())
                .expectEvents(new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(51_000), false, T0));
    }

    @Test
    void aPartReturnedInFullIsConfirmedForNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), returnRequested("R1", "L3", SELLER_B),
                        new ReturnApproved(ORDER, BUYER, SELLER_B, "R1", T0),
                        new ReturnReceived(ORDER, BUYER, SELLER_B, "R1", T0)))
                .when(new ConfirmPurchase(ORDER, SELLER_B), system())
                .expectEvents(new PurchaseConfirmed(ORDER, BUYER, SELLER_B, won(0), true, T0));
    }

    @Test
    void anOrderIsCompletedWhenEveryPartIsConfirmedOrCancelled() {
        OrderLinesCancelled partBCancelled = new OrderLinesCancelled(ORDER, BUYER, List.of(new CancelledLine("L3",
                ProductId.of("p-L3"), VariantId.of("v-L3"), 1)), REASON, false, null, T0);
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), partBCancelled,
                        new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(63_500), false, T0)))
                .when(new CancelOrder(ORDER, List.of(), REASON), staff(ActorRole.ADMIN))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()))
                .expectExceptionMessage("Not possible while the order is COMPLETED");
    }

    @Test
    void anOrderWithAPartStillOpenIsNotCompleted() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A),
                        new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(63_500), false, T0)))
                .when(new CancelOrder(ORDER, List.of("L3"), REASON), staff(ActorRole.ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    private static ReturnRequested returnRequested(String returnId, String lineId) {
        return returnRequested(returnId, lineId, SELLER_A);
    }

    private static ReturnRequested returnRequested(String returnId, String lineId,
                                                   SellerId seller) {
        return new ReturnRequested(ORDER, BUYER, seller, returnId, List.of(lineId), ReturnReason.CHANGE_OF_MIND, null,
                true, T0);
    }
}
