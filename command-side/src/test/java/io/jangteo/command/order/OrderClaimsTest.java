package io.jangteo.command.order;

import io.jangteo.command.order.OrderFixtures.FakeStoredPaymentMethods;
import io.jangteo.command.payment.PaymentRefundRefused;
import io.jangteo.messages.order.ApproveExchange;
import io.jangteo.messages.order.ApproveReturn;
import io.jangteo.messages.order.ExchangeApproved;
import io.jangteo.messages.order.ExchangeRejected;
import io.jangteo.messages.order.ExchangeRequested;
import io.jangteo.messages.order.ExchangeShipped;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.ReceiveReturn;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.order.RejectExchange;
import io.jangteo.messages.order.RejectReturn;
import io.jangteo.messages.order.RequestExchange;
import io.jangteo.messages.order.RequestReturn;
import io.jangteo.messages.order.ReturnApproved;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.ReturnReceived;
import io.jangteo.messages.order.ReturnRejected;
import io.jangteo.messages.order.ReturnRequested;
import io.jangteo.messages.order.ShipExchange;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.OTHER_SELLER;
import static io.jangteo.command.order.OrderFixtures.PAYMENT_KEY;
import static io.jangteo.command.order.OrderFixtures.SELLER_A;
import static io.jangteo.command.order.OrderFixtures.SELLER_B;
import static io.jangteo.command.order.OrderFixtures.T0;
import static io.jangteo.command.order.OrderFixtures.and;
import static io.jangteo.command.order.OrderFixtures.buyer;
import static io.jangteo.command.order.OrderFixtures.kakaoPay;
import static io.jangteo.command.order.OrderFixtures.line;
import static io.jangteo.command.order.OrderFixtures.otherCustomer;
import static io.jangteo.command.order.OrderFixtures.paid;
import static io.jangteo.command.order.OrderFixtures.paidAndDelivered;
import static io.jangteo.command.order.OrderFixtures.paymentApproved;
import static io.jangteo.command.order.OrderFixtures.placed;
import static io.jangteo.command.order.OrderFixtures.sellerOf;
import static io.jangteo.command.order.OrderFixtures.shipped;
import static io.jangteo.command.order.OrderFixtures.staff;
import static io.jangteo.command.order.OrderFixtures.won;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Returns (request → approve/reject → receive → refund) and exchanges (request → approve/reject → ship). */
class OrderClaimsTest {

    private final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixtures.fixture(gateway, new FakeStoredPaymentMethods());
    }

    // ---- returns: asking

    @Test
    void theBuyerAsksToReturnDeliveredLinesOfOneSeller() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new RequestReturn(ORDER, List.of("L2"), ReturnReason.CHANGE_OF_MIND, " too small "), buyer())
                .expectEvents(new ReturnRequested(ORDER, BUYER, SELLER_A, "R1", List.of("L2"),
                        ReturnReason.CHANGE_OF_MIND, "too small", true, T0))
                .expectResultMessagePayload(5L);
    }

    @Test
    void aDefectIsTheSellersFault() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new RequestReturn(ORDER, List.of("L1"), ReturnReason.DEFECTIVE, null), staff(ActorRole.SUPPORT))
                .expectEvents(new ReturnRequested(ORDER, BUYER, SELLER_A, "R1", List.of("L1"), ReturnReason.DEFECTIVE,
                        null, false, T0));
    }

    @Test
    void aReturnIsOfLinesOfOneSeller() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A, SELLER_B))
                .when(new RequestReturn(ORDER, List.of("L1", "L3"), ReturnReason.DEFECTIVE, null), buyer())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("lineIds")));
    }

    @Test
    void onlyDeliveredPartsAreReturned() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paid(), shipped(SELLER_A)))
                .when(new RequestReturn(ORDER, List.of("L1"), ReturnReason.DEFECTIVE, null), buyer())
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("sellerId")))
                .expectExceptionMessage("Not possible while the seller's part is SHIPPED");
    }

    @Test
    void aReturnNamesItsLinesAndReason() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new RequestReturn(ORDER, List.of(), ReturnReason.DEFECTIVE, null), buyer())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("lineIds")));
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new RequestReturn(ORDER, List.of("L9"), ReturnReason.DEFECTIVE, null), buyer())
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("lineIds", "0")));
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new RequestReturn(ORDER, List.of("L1"), null, null), buyer())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new RequestReturn(ORDER, List.of("L1"), ReturnReason.DEFECTIVE, "가".repeat(501)), buyer())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("detail")));
    }

    @Test
    void aLineAlreadyAskedForIsNotAskedForAgain() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2")))
                .when(new RequestReturn(ORDER, List.of("L1", "L2"), ReturnReason.DEFECTIVE, null), buyer())
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("lineIds", "1")))
                .expectExceptionMessage("Not possible while the line is RETURN_REQUESTED");
    }

    @Test
    void sellersAndOthersDoNotAskForReturns() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new RequestReturn(ORDER, List.of("L1"), ReturnReason.DEFECTIVE, null), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new RequestReturn(ORDER, List.of("L1"), ReturnReason.DEFECTIVE, null), otherCustomer())
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    // ---- returns: deciding

    @Test
    void theSellerApprovesAReturnOfItsPart() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2")))
                .when(new ApproveReturn(ORDER, "R1"), sellerOf(SELLER_A))
                .expectEvents(new ReturnApproved(ORDER, BUYER, SELLER_A, "R1", T0));
    }

    @Test
    void anotherSellerNeitherDecidesNorLearnsOfTheReturn() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A, SELLER_B), returnRequested("R1", true, "L2")))
                .when(new ApproveReturn(ORDER, "R1"), sellerOf(SELLER_B))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2")))
                .when(new ApproveReturn(ORDER, "R9"), sellerOf(OTHER_SELLER))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void anUnknownReturnIsNotFound() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_A))
                .when(new ApproveReturn(ORDER, "R1"), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("returnId")));
    }

    @Test
    void aRejectedReturnNeedsAReasonAndGivesTheLinesBack() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2")))
                .when(new RejectReturn(ORDER, "R1", ""), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2"),
                        new ReturnRejected(ORDER, BUYER, SELLER_A, "R1", "Worn and washed", T0)))
                .when(new RequestReturn(ORDER, List.of("L2"), ReturnReason.DEFECTIVE, "the seam split"), buyer())
                .expectEvents(new ReturnRequested(ORDER, BUYER, SELLER_A, "R2", List.of("L2"), ReturnReason.DEFECTIVE,
                        "the seam split", false, T0));
    }

    @Test
    void aDecidedReturnIsNotDecidedAgain() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2"),
                        new ReturnApproved(ORDER, BUYER, SELLER_A, "R1", T0)))
                .when(new RejectReturn(ORDER, "R1", "Changed our mind"), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("returnId")))
                .expectExceptionMessage("Not possible while the claim is APPROVED");
    }

    // ---- returns: receiving and refunding

    @Test
    void aPartialReturnAtTheBuyersFaultRefundsTheLineLessTheReturnFeeAndGivesItsPointsBack() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A, SELLER_B), returnRequested("R1", true, "L2"),
                        new ReturnApproved(ORDER, BUYER, SELLER_A, "R1", T0)))
                .when(new ReceiveReturn(ORDER, "R1"), sellerOf(SELLER_A))
                .expectEvents(new ReturnReceived(ORDER, BUYER, SELLER_A, "R1", T0),
                        // 12,500 paid for L2, less seller A's 6,000 return fee; its 1,000 points go back
                        new RefundCompleted(ORDER, BUYER, "RF1", SELLER_A, List.of("L2"), won(12_500), won(0),
                                won(6_000), won(6_500), 1_000, PAYMENT_KEY, "prf-RF1", "return R1 (CHANGE_OF_MIND)",
                                T0));
        assertThat(gateway.calls).containsExactly("refund " + PAYMENT_KEY + " RF1 6500 KRW");
    }

    @Test
    void aReturnAtTheSellersFaultIsRefundedInFull() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), returnRequested("R1", false, SELLER_B, "L3"),
                        new ReturnApproved(ORDER, BUYER, SELLER_B, "R1", T0)))
                .when(new ReceiveReturn(ORDER, "R1"), staff(ActorRole.SUPPORT))
                .expectEvents(new ReturnReceived(ORDER, BUYER, SELLER_B, "R1", T0),
                        new RefundCompleted(ORDER, BUYER, "RF1", SELLER_B, List.of("L3"), won(17_000), won(0),
                                won(0), won(17_000), 1_000, PAYMENT_KEY, "prf-RF1", "return R1 (DEFECTIVE)", T0));
    }

    @Test
    void theReturnFeeIsNeverMoreThanTheRefund() {
        // one 4,000 line, 1,000 of it paid by points: 3,000 to refund against a 6,000 return fee
        QuotedLine cheap = line("L1", SELLER_A, 4_000, 1, 0, 1_000);
        QuotedSellerPart part = new QuotedSellerPart(SELLER_A, "Shop A", 3, won(4_000), won(3_000), List.of(), 1,
                won(6_000), won(6_000));
        OrderQuote quote = OrderFixtures.quote(List.of(cheap), List.of(part), 4_000, null, 0, 1_000, 3_000, 6_000);
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote, kakaoPay()), paymentApproved(), shipped(SELLER_A),
                        OrderFixtures.delivered(SELLER_A), returnRequested("R1", true, "L1"),
                        new ReturnApproved(ORDER, BUYER, SELLER_A, "R1", T0))
                .when(new ReceiveReturn(ORDER, "R1"), sellerOf(SELLER_A))
                .expectEvents(new ReturnReceived(ORDER, BUYER, SELLER_A, "R1", T0),
                        new RefundCompleted(ORDER, BUYER, "RF1", SELLER_A, List.of("L1"), won(3_000), won(0),
                                won(3_000), won(0), 1_000, PAYMENT_KEY, null, "return R1 (CHANGE_OF_MIND)", T0));
        assertThat(gateway.calls).as("nothing to pay back through the provider").isEmpty();
    }

    @Test
    void onlyAnApprovedReturnIsReceived() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2")))
                .when(new ReceiveReturn(ORDER, "R1"), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("returnId")));
    }

    @Test
    void aRefusedRefundLeavesTheReturnUnreceived() {
        gateway.refund = (refundId, amount) -> {
            throw new PaymentRefundRefused("NOT_APPROVED", "no");
        };
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2"),
                        new ReturnApproved(ORDER, BUYER, SELLER_A, "R1", T0)))
                .when(new ReceiveReturn(ORDER, "R1"), sellerOf(SELLER_A))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PROVIDER_REFUSED, List.of()));
    }

    // ---- exchanges

    @Test
    void anExchangeAtTheBuyersFaultOwesThePartsExchangeFee() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_B))
                .when(new RequestExchange(ORDER, List.of("L3"), ReturnReason.ORDERED_WRONG_OPTION, "need L"), buyer())
                .expectEvents(new ExchangeRequested(ORDER, BUYER, SELLER_B, "X1", List.of("L3"),
                        ReturnReason.ORDERED_WRONG_OPTION, "need L", true, won(10_000), T0));
    }

    @Test
    void anExchangeAtTheSellersFaultCostsNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(paidAndDelivered(SELLER_B))
                .when(new RequestExchange(ORDER, List.of("L3"), ReturnReason.WRONG_ITEM_SENT, null), buyer())
                .expectEvents(new ExchangeRequested(ORDER, BUYER, SELLER_B, "X1", List.of("L3"),
                        ReturnReason.WRONG_ITEM_SENT, null, false, won(0), T0));
    }

    @Test
    void anExchangeIsApprovedThenTheReplacementShipped() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), exchangeRequested()))
                .when(new ApproveExchange(ORDER, "X1"), sellerOf(SELLER_B))
                .expectEvents(new ExchangeApproved(ORDER, BUYER, SELLER_B, "X1", T0));
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), exchangeRequested(),
                        new ExchangeApproved(ORDER, BUYER, SELLER_B, "X1", T0)))
                .when(new ShipExchange(ORDER, "X1", "한진택배", " 4567 "), sellerOf(SELLER_B))
                .expectEvents(new ExchangeShipped(ORDER, BUYER, SELLER_B, "X1", "한진택배", "4567", T0));
    }

    @Test
    void aShippedReplacementMayBeReturnedLikeAnyDeliveredLine() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), exchangeRequested(),
                        new ExchangeApproved(ORDER, BUYER, SELLER_B, "X1", T0),
                        new ExchangeShipped(ORDER, BUYER, SELLER_B, "X1", "한진택배", "4567", T0)))
                .when(new RequestReturn(ORDER, List.of("L3"), ReturnReason.DEFECTIVE, null), buyer())
                .expectEvents(new ReturnRequested(ORDER, BUYER, SELLER_B, "R1", List.of("L3"), ReturnReason.DEFECTIVE,
                        null, false, T0));
    }

    @Test
    void aReplacementShipsOnlyOnceApprovedAndWithTracking() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), exchangeRequested()))
                .when(new ShipExchange(ORDER, "X1", "한진택배", "4567"), sellerOf(SELLER_B))
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("exchangeId")));
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), exchangeRequested(),
                        new ExchangeApproved(ORDER, BUYER, SELLER_B, "X1", T0)))
                .when(new ShipExchange(ORDER, "X1", "한진택배", ""), sellerOf(SELLER_B))
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("trackingNumber")));
    }

    @Test
    void aRejectedExchangeGivesTheLinesBack() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), exchangeRequested()))
                .when(new RejectExchange(ORDER, "X1", "Out of that size"), staff(ActorRole.ADMIN))
                .expectEvents(new ExchangeRejected(ORDER, BUYER, SELLER_B, "X1", "Out of that size", T0));
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_B), exchangeRequested(),
                        new ExchangeRejected(ORDER, BUYER, SELLER_B, "X1", "Out of that size", T0)))
                .when(new RequestExchange(ORDER, List.of("L3"), ReturnReason.WRONG_ITEM_SENT, null), buyer())
                .expectEvents(new ExchangeRequested(ORDER, BUYER, SELLER_B, "X2", List.of("L3"),
                        ReturnReason.WRONG_ITEM_SENT, null, false, won(0), T0));
    }

    @Test
    void aReturnIdIsNotAnExchangeId() {
        fixture.givenCurrentTime(T0)
                .andGiven(and(paidAndDelivered(SELLER_A), returnRequested("R1", true, "L2")))
                .when(new ApproveExchange(ORDER, "R1"), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("exchangeId")));
    }

    private static ReturnRequested returnRequested(String returnId, boolean buyerAtFault, String... lineIds) {
        return returnRequested(returnId, buyerAtFault, SELLER_A, lineIds);
    }

    private static ReturnRequested returnRequested(String returnId, boolean buyerAtFault,
                                                   SellerId seller, String... lineIds) {
        return new ReturnRequested(ORDER, BUYER, seller, returnId, List.of(lineIds),
                buyerAtFault ? ReturnReason.CHANGE_OF_MIND : ReturnReason.DEFECTIVE, null, buyerAtFault, T0);
    }

    private static ExchangeRequested exchangeRequested() {
        return new ExchangeRequested(ORDER, BUYER, SELLER_B, "X1", List.of("L3"), ReturnReason.ORDERED_WRONG_OPTION,
                null, true, won(10_000), T0);
    }
}
