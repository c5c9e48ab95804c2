package io.jangteo.query.order;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.jangteo.messages.order.ClaimStatus;
import io.jangteo.messages.order.ClaimView;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.LineStatus;
import io.jangteo.messages.order.OrderLineView;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentStatus;
import io.jangteo.messages.order.PaymentView;
import io.jangteo.messages.order.RefundView;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.SellerPartStatus;
import io.jangteo.messages.order.SellerPartView;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.Subscriptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.jangteo.messages.shared.Money.won;
import static io.jangteo.query.order.OrderFixtures.ACCOUNT;
import static io.jangteo.query.order.OrderFixtures.ADDRESS;
import static io.jangteo.query.order.OrderFixtures.L1;
import static io.jangteo.query.order.OrderFixtures.L2;
import static io.jangteo.query.order.OrderFixtures.L3;
import static io.jangteo.query.order.OrderFixtures.S1;
import static io.jangteo.query.order.OrderFixtures.S2;
import static io.jangteo.query.order.OrderFixtures.T;
import static io.jangteo.query.order.OrderFixtures.approved;
import static io.jangteo.query.order.OrderFixtures.cancelled;
import static io.jangteo.query.order.OrderFixtures.confirmed;
import static io.jangteo.query.order.OrderFixtures.declined;
import static io.jangteo.query.order.OrderFixtures.delivered;
import static io.jangteo.query.order.OrderFixtures.depositRequested;
import static io.jangteo.query.order.OrderFixtures.exchangeApproved;
import static io.jangteo.query.order.OrderFixtures.exchangeRejected;
import static io.jangteo.query.order.OrderFixtures.exchangeRequested;
import static io.jangteo.query.order.OrderFixtures.exchangeShipped;
import static io.jangteo.query.order.OrderFixtures.expired;
import static io.jangteo.query.order.OrderFixtures.id;
import static io.jangteo.query.order.OrderFixtures.linesCancelled;
import static io.jangteo.query.order.OrderFixtures.placed;
import static io.jangteo.query.order.OrderFixtures.preparing;
import static io.jangteo.query.order.OrderFixtures.refund;
import static io.jangteo.query.order.OrderFixtures.rejected;
import static io.jangteo.query.order.OrderFixtures.requested;
import static io.jangteo.query.order.OrderFixtures.returnApproved;
import static io.jangteo.query.order.OrderFixtures.returnReceived;
import static io.jangteo.query.order.OrderFixtures.returnRejected;
import static io.jangteo.query.order.OrderFixtures.returnRequested;
import static io.jangteo.query.order.OrderFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrderSummaryProjectionTest {

    private static final Viewer SUPPORT = new Viewer(ActorRole.SUPPORT, "u-support", null);

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private SimpleQueryUpdateEmitter emitter;
    private OrderSummaryProjection projection;
    private OrderFeed feed;
    private OrderSummaries orders;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        database = readStore.freshDatabase();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new OrderSummaryProjection(database, emitter);
        feed = new OrderFeed(projection);
        orders = new OrderSummaries(database);
    }

    @Test
    void aPlacedOrderHoldsWhatWasPricedAwaitingPayment() {
        feed.order("o-1", placed("o-1"));

        OrderView order = find("o-1");
        assertThat(order).extracting(OrderView::buyerId, OrderView::status, OrderView::itemsTotal,
                        OrderView::couponId, OrderView::couponDiscount, OrderView::pointsUsed,
                        OrderView::shippingTotal, OrderView::amountToPay, OrderView::refundedTotal,
                        OrderView::shippingAddress, OrderView::grade, OrderView::placedAt, OrderView::updatedAt,
                        OrderView::version)
                .containsExactly(OrderFixtures.member("m-buyer"), OrderStatus.PLACED, won(55_000),
                        io.jangteo.messages.coupon.CouponId.of("WELCOME-10"), won(2_750), 1_000L, won(3_000),
                        won(54_250), won(0), ADDRESS, "SILVER", T, OrderFeed.at(0), 0L);
        assertThat(order.lines()).containsExactly(
                new OrderLineView("L1", L1.productId(), L1.variantId(), S1, "티셔츠", "p-1-red-m", List.of("red-m"),
                        won(10_000), 2, won(20_000), won(1_000), 500, won(18_500), LineStatus.ORDERED),
                new OrderLineView("L2", L2.productId(), L2.variantId(), S1, "양말", "p-2-default",
                        List.of("default"), won(5_000), 1, won(5_000), won(250), 125, won(4_625), LineStatus.ORDERED),
                new OrderLineView("L3", L3.productId(), L3.variantId(), S2, "운동화", "p-3-default",
                        List.of("default"), won(30_000), 1, won(30_000), won(1_500), 375, won(28_125),
                        LineStatus.ORDERED));
        assertThat(order.sellers()).containsExactly(
                new SellerPartView(S1, "김치마을", SellerPartStatus.AWAITING_PAYMENT, 3, won(25_000), won(3_000),
                        OrderFixtures.PART_1.shippingBreakdown(), won(3_000), won(6_000), null, null, null, null,
                        null, null, null),
                new SellerPartView(S2, "장터상회", SellerPartStatus.AWAITING_PAYMENT, 1, won(30_000), won(0),
                        OrderFixtures.PART_2.shippingBreakdown(), won(2_500), won(5_000), null, null, null, null,
                        null, null, null));
        assertThat(order.payment()).isEqualTo(new PaymentView(PaymentMethod.KAKAO_PAY, PaymentStatus.NOT_REQUESTED,
                null, won(54_250), null, null, null, null, null, null));
        assertThat(order.claims()).isEmpty();
        assertThat(order.refunds()).isEmpty();
        assertThat(order.rejections()).isEmpty();
    }

    @Test
    void theWholeLifeOfAnOrderFromPlacementThroughAReturnToCompletion() {
        List<OrderStatus> statuses = new ArrayList<>();
        List<Object> events = List.of(placed("o-1"), requested("o-1"), approved("o-1"),
                preparing("o-1", S1), shipped("o-1", S1), delivered("o-1", S1),
                preparing("o-1", S2), shipped("o-1", S2), delivered("o-1", S2),
                returnRequested("o-1", "R-1", S1, ReturnReason.CHANGE_OF_MIND, "L2"),
                returnApproved("o-1", "R-1", S1), returnReceived("o-1", "R-1", S1),
                refund("o-1", "RF-1", S1, List.of("L2"), 4_625, 0, 3_000, 125),
                confirmed("o-1", S1, 18_500, false), confirmed("o-1", S2, 28_125, true));
        for (Object event : events) {
            feed.order("o-1", event);
            statuses.add(find("o-1").status());
        }

        assertThat(statuses).containsExactly(OrderStatus.PLACED, OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID,
                OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID,
                OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID,
                OrderStatus.PAID, OrderStatus.COMPLETED);
        OrderView order = find("o-1");
        assertThat(order.version()).isEqualTo(14);
        assertThat(order.updatedAt()).isEqualTo(OrderFeed.at(14));
        assertThat(order.lines()).extracting(OrderLineView::lineId, OrderLineView::status).containsExactly(
                tuple("L1", LineStatus.ORDERED), tuple("L2", LineStatus.RETURNED), tuple("L3", LineStatus.ORDERED));
        assertThat(order.sellers()).extracting(SellerPartView::status, SellerPartView::carrier,
                        SellerPartView::trackingNumber, SellerPartView::preparingAt, SellerPartView::shippedAt,
                        SellerPartView::deliveredAt, SellerPartView::autoConfirmAt, SellerPartView::confirmedAt)
                .containsExactly(
                        tuple(SellerPartStatus.PURCHASE_CONFIRMED, "CJ대한통운", "TRK-s-1", T.plusSeconds(3_600),
                                T.plusSeconds(5 * 3_600), T.plus(Duration.ofDays(2)), T.plus(Duration.ofDays(9)),
                                T.plus(Duration.ofDays(3))),
                        tuple(SellerPartStatus.PURCHASE_CONFIRMED, "CJ대한통운", "TRK-s-2", T.plusSeconds(3_600),
                                T.plusSeconds(5 * 3_600), T.plus(Duration.ofDays(2)), T.plus(Duration.ofDays(9)),
                                T.plus(Duration.ofDays(3))));
        assertThat(order.payment()).isEqualTo(new PaymentView(PaymentMethod.KAKAO_PAY, PaymentStatus.APPROVED,
                "pay-o-1", won(54_250), "https://sandbox.pay/ready/o-1", null, T.plus(Duration.ofMinutes(30)),
                T.plusSeconds(60), null, null));
        assertThat(order.claims()).containsExactly(new ClaimView("R-1", "RETURN", S1, List.of("L2"),
                ReturnReason.CHANGE_OF_MIND, "사이즈가 맞지 않아요", true, ClaimStatus.COMPLETED, null, won(3_000), null,
                null, T.plus(Duration.ofDays(2)).plusSeconds(60), OrderFeed.at(11)));
        assertThat(order.refunds()).containsExactly(new RefundView("RF-1", S1, List.of("L2"), won(4_625), won(0),
                won(3_000), won(1_625), 125, "환불", T.plusSeconds(600)));
        assertThat(order.refundedTotal()).isEqualTo(won(1_625));
        assertThat(order.shippingAddress()).isEqualTo(ADDRESS);
    }

    @Test
    void aReturnBecauseOfTheSellerCostsTheBuyerNoFee() {
        deliveredOrder("o-1");

        feed.order("o-1", returnRequested("o-1", "R-1", S2, ReturnReason.DEFECTIVE, "L3"));

        assertThat(find("o-1").claims()).extracting(ClaimView::buyerAtFault, ClaimView::fee)
                .containsExactly(tuple(false, won(0)));
        assertThat(find("o-1").lines()).extracting(OrderLineView::status)
                .containsExactly(LineStatus.ORDERED, LineStatus.ORDERED, LineStatus.RETURN_REQUESTED);
    }

    @Test
    void aRejectedReturnPutsItsLinesBackAsOrderedAndKeepsWhy() {
        deliveredOrder("o-1");

        feed.order("o-1", returnRequested("o-1", "R-1", S1, ReturnReason.CHANGE_OF_MIND, "L1", "L2"));
        assertThat(find("o-1").lines()).extracting(OrderLineView::status).containsExactly(
                LineStatus.RETURN_REQUESTED, LineStatus.RETURN_REQUESTED, LineStatus.ORDERED);
        feed.order("o-1", returnRejected("o-1", "R-1", S1));

        OrderView order = find("o-1");
        assertThat(order.lines()).extracting(OrderLineView::status)
                .containsExactly(LineStatus.ORDERED, LineStatus.ORDERED, LineStatus.ORDERED);
        assertThat(order.claims()).extracting(ClaimView::status, ClaimView::rejectReason, ClaimView::updatedAt)
                .containsExactly(tuple(ClaimStatus.REJECTED, "사용 흔적", OrderFeed.at(order.version())));
    }

    @Test
    void anExchangeMovesItsLinesToExchangedWithTheReplacementsTrackingAndTheEventsFee() {
        deliveredOrder("o-1");

        feed.order("o-1", exchangeRequested("o-1", "X-1", S1, 6_000, "L1"));
        assertThat(find("o-1").lines().get(0).status()).isEqualTo(LineStatus.EXCHANGE_REQUESTED);
        feed.order("o-1", exchangeApproved("o-1", "X-1", S1));
        assertThat(find("o-1").lines().get(0).status()).isEqualTo(LineStatus.EXCHANGE_APPROVED);
        assertThat(find("o-1").claims().get(0).status()).isEqualTo(ClaimStatus.APPROVED);
        feed.order("o-1", exchangeShipped("o-1", "X-1", S1));

        OrderView order = find("o-1");
        assertThat(order.lines()).extracting(OrderLineView::status)
                .containsExactly(LineStatus.EXCHANGED, LineStatus.ORDERED, LineStatus.ORDERED);
        assertThat(order.claims()).extracting(ClaimView::claimId, ClaimView::kind, ClaimView::status,
                        ClaimView::fee, ClaimView::carrier, ClaimView::trackingNumber, ClaimView::reason)
                .containsExactly(tuple("X-1", "EXCHANGE", ClaimStatus.COMPLETED, won(6_000), "한진택배", "TRK-X",
                        ReturnReason.ORDERED_WRONG_OPTION));
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aRejectedExchangePutsItsLinesBack() {
        deliveredOrder("o-1");

        feed.order("o-1", exchangeRequested("o-1", "X-1", S2, 5_000, "L3"));
        feed.order("o-1", exchangeRejected("o-1", "X-1", S2));

        assertThat(find("o-1").lines().get(2).status()).isEqualTo(LineStatus.ORDERED);
        assertThat(find("o-1").claims()).extracting(ClaimView::status, ClaimView::rejectReason)
                .containsExactly(tuple(ClaimStatus.REJECTED, "재고 없음"));
    }

    @Test
    void cancellingBeforePaymentCancelsEveryLineEveryPartAndThePaymentAskedFor() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-1", requested("o-1"));
        feed.order("o-1", cancelled("o-1"));

        OrderView order = find("o-1");
        assertThat(order).extracting(OrderView::status, OrderView::statusReason, OrderView::version)
                .containsExactly(OrderStatus.CANCELLED, "단순 변심", 2L);
        assertThat(order.lines()).extracting(OrderLineView::status).containsOnly(LineStatus.CANCELLED);
        assertThat(order.sellers()).extracting(SellerPartView::status).containsOnly(SellerPartStatus.CANCELLED);
        assertThat(order.payment().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(order.refundedTotal()).isEqualTo(won(0));
    }

    @Test
    void anOrderCancelledBeforeAnyPaymentWasAskedForShowsNoneAskedFor() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-1", cancelled("o-1"));

        assertThat(find("o-1")).extracting(OrderView::status, view -> view.payment().status())
                .containsExactly(OrderStatus.CANCELLED, PaymentStatus.NOT_REQUESTED);
    }

    @Test
    void cancellingSomeLinesAfterPaymentCancelsThePartWhoseLinesAreAllGoneAndRefundsThem() {
        paidOrder("o-1");

        feed.order("o-1", linesCancelled("o-1", false, L3));
        feed.order("o-1", refund("o-1", "RF-1", S2, List.of("L3"), 28_125, 0, 0, 375));

        OrderView order = find("o-1");
        assertThat(order).extracting(OrderView::status, OrderView::statusReason, OrderView::refundedTotal)
                .containsExactly(OrderStatus.PAID, null, won(28_125));
        assertThat(order.lines()).extracting(OrderLineView::status)
                .containsExactly(LineStatus.ORDERED, LineStatus.ORDERED, LineStatus.CANCELLED);
        assertThat(order.sellers()).extracting(SellerPartView::status)
                .containsExactly(SellerPartStatus.PAID, SellerPartStatus.CANCELLED);
        assertThat(order.payment().status()).isEqualTo(PaymentStatus.APPROVED);

        feed.order("o-1", linesCancelled("o-1", false, L1));
        assertThat(find("o-1").sellers()).extracting(SellerPartView::status)
                .containsExactly(SellerPartStatus.PAID, SellerPartStatus.CANCELLED);
    }

    @Test
    void anOrderWithAPartCancelledAndTheOtherConfirmedIsCompleted() {
        paidOrder("o-1");
        feed.order("o-1", linesCancelled("o-1", false, L3));
        feed.order("o-1", preparing("o-1", S1));
        feed.order("o-1", shipped("o-1", S1));
        feed.order("o-1", delivered("o-1", S1));
        assertThat(find("o-1").status()).isEqualTo(OrderStatus.PAID);

        feed.order("o-1", confirmed("o-1", S1, 23_125, false));

        assertThat(find("o-1").status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void cancellingTheLastOpenLinesAfterPaymentCancelsTheOrderWithTheReason() {
        paidOrder("o-1");
        feed.order("o-1", linesCancelled("o-1", false, L3));
        feed.order("o-1", refund("o-1", "RF-1", S2, List.of("L3"), 28_125, 0, 0, 375));

        feed.order("o-1", linesCancelled("o-1", true, L1, L2));
        feed.order("o-1", refund("o-1", "RF-2", S1, List.of("L1", "L2"), 23_125, 3_000, 0, 625));

        OrderView order = find("o-1");
        assertThat(order).extracting(OrderView::status, OrderView::statusReason, OrderView::refundedTotal)
                .containsExactly(OrderStatus.CANCELLED, "품절 취소", won(54_250));
        assertThat(order.sellers()).extracting(SellerPartView::status).containsOnly(SellerPartStatus.CANCELLED);
        assertThat(order.refunds()).extracting(RefundView::refundId, RefundView::amount)
                .containsExactly(tuple("RF-1", won(28_125)), tuple("RF-2", won(26_125)));
    }

    @Test
    void aRejectedOrderKeepsItsRejectionsAndLeavesNoPartWaiting() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-1", rejected("o-1"));

        OrderView order = find("o-1");
        assertThat(order).extracting(OrderView::status, OrderView::statusReason, OrderView::rejections)
                .containsExactly(OrderStatus.REJECTED, "재고가 부족한 상품이 있습니다",
                        List.of(new LineRejection("L3", ErrorCode.OUT_OF_STOCK, "재고 부족: 운동화")));
        assertThat(order.sellers()).extracting(SellerPartView::status).containsOnly(SellerPartStatus.CANCELLED);
        assertThat(order.lines()).extracting(OrderLineView::status).containsOnly(LineStatus.ORDERED);
        assertThat(order.payment().status()).isEqualTo(PaymentStatus.NOT_REQUESTED);
    }

    @Test
    void aBankTransferAwaitsTheDepositAndExpiresUnpaid() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-1", depositRequested("o-1"));

        OrderView awaiting = find("o-1");
        assertThat(awaiting.status()).isEqualTo(OrderStatus.AWAITING_DEPOSIT);
        assertThat(awaiting.payment()).isEqualTo(new PaymentView(PaymentMethod.BANK_TRANSFER,
                PaymentStatus.AWAITING_DEPOSIT, "pay-o-1", won(54_250), null, ACCOUNT, ACCOUNT.dueAt(), null, null,
                null));

        feed.order("o-1", expired("o-1"));

        OrderView order = find("o-1");
        assertThat(order).extracting(OrderView::status, OrderView::statusReason, view -> view.payment().status())
                .containsExactly(OrderStatus.EXPIRED, "입금 기한 경과", PaymentStatus.EXPIRED);
        assertThat(order.sellers()).extracting(SellerPartView::status).containsOnly(SellerPartStatus.CANCELLED);
    }

    @Test
    void aDeclinedPaymentEndsTheOrderWithTheProvidersWords() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-1", requested("o-1"));
        feed.order("o-1", declined("o-1"));

        OrderView order = find("o-1");
        assertThat(order).extracting(OrderView::status, OrderView::statusReason)
                .containsExactly(OrderStatus.PAYMENT_DECLINED, "한도 초과");
        assertThat(order.payment()).extracting(PaymentView::status, PaymentView::declineCode,
                PaymentView::declineMessage).containsExactly(PaymentStatus.DECLINED, "CARD_DECLINED", "한도 초과");
        assertThat(order.sellers()).extracting(SellerPartView::status).containsOnly(SellerPartStatus.CANCELLED);
    }

    @Test
    void aLateOrRedeliveredEventDoesNotMoveTheOrderBack() {
        paidOrder("o-1");
        feed.order("o-1", preparing("o-1", S1));
        List<DomainEventMessage<?>> delivered = feed.delivered();

        feed.deliver(delivered.get(1)); // PaymentRequested again
        feed.deliver(delivered.get(0)); // OrderPlaced again

        OrderView order = find("o-1");
        assertThat(order).extracting(OrderView::status, OrderView::version).containsExactly(OrderStatus.PAID, 3L);
        assertThat(order.sellers().get(0).status()).isEqualTo(SellerPartStatus.PREPARING);
        assertThat(order.payment().status()).isEqualTo(PaymentStatus.APPROVED);
    }

    @Test
    void anEventForAnOrderNeverPlacedChangesNothing() {
        feed.order("o-9", approved("o-9"));

        assertThat(orders.find(id("o-9"), SUPPORT)).isEmpty();
    }

    @Test
    void applyingEveryEventTwiceOrRebuildingFromScratchGivesTheSameDocuments() {
        theWholeLifeOfAnOrderFromPlacementThroughAReturnToCompletion();
        feed.order("o-2", placed("o-2"));
        feed.order("o-2", rejected("o-2"));
        paidOrder("o-3");
        feed.order("o-3", linesCancelled("o-3", false, L3));
        feed.order("o-3", refund("o-3", "RF-1", S2, List.of("L3"), 28_125, 0, 0, 375));
        feed.order("o-4", placed("o-4"));
        feed.order("o-4", depositRequested("o-4"));
        feed.order("o-4", expired("o-4"));
        List<DomainEventMessage<?>> history = feed.delivered();
        List<Document> live = documents();
        assertThat(live).hasSize(4);

        history.forEach(feed::deliver);
        assertThat(documents()).isEqualTo(live);

        projection.reset();
        assertThat(documents()).isEmpty();
        history.forEach(feed::deliver);
        assertThat(documents()).isEqualTo(live);
    }

    @Test
    void aWithdrawnBuyersAddressesAreBlankedWithoutMovingTheOrders() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-2", placed("o-2", "m-other", OrderFixtures.QUOTE, T));

        feed.withdraw("m-buyer");

        assertThat(find("o-1")).extracting(OrderView::shippingAddress, OrderView::version).containsExactly(null, 0L);
        assertThat(find("o-2").shippingAddress()).isEqualTo(ADDRESS);
    }

    @Test
    void anOrderOfAnErasedBuyerIsRebuiltWithoutAnAddress() {
        feed.order("o-1", OrderFixtures.erasedPlaced("o-1"));
        feed.order("o-1", requested("o-1"));

        assertThat(find("o-1")).extracting(OrderView::shippingAddress, OrderView::status)
                .containsExactly(null, OrderStatus.AWAITING_PAYMENT);
    }

    @Test
    void subscribersReceiveEachNewViewAsTheirViewerMaySeeIt() {
        Viewer buyer = new Viewer(ActorRole.CUSTOMER, "m-buyer", null);
        Viewer seller1 = new Viewer(ActorRole.SELLER, "u-s1", "s-1");
        Viewer analyst = new Viewer(ActorRole.ANALYST, "u-analyst", null);
        Viewer stranger = new Viewer(ActorRole.CUSTOMER, "m-other", null);
        List<OrderView> toBuyer = subscribe("o-1", buyer);
        List<OrderView> toSeller = subscribe("o-1", seller1);
        List<OrderView> toAnalyst = subscribe("o-1", analyst);
        List<OrderView> toStranger = subscribe("o-1", stranger);
        List<OrderView> toOtherOrder = subscribe("o-2", buyer);

        paidOrder("o-1");
        feed.deliver(feed.delivered().get(2)); // a redelivery emits nothing

        assertThat(toBuyer).extracting(OrderView::version, OrderView::status).containsExactly(
                tuple(0L, OrderStatus.PLACED), tuple(1L, OrderStatus.AWAITING_PAYMENT), tuple(2L, OrderStatus.PAID));
        assertThat(toBuyer.get(2)).isEqualTo(find("o-1"));
        assertThat(toSeller).extracting(OrderView::version).containsExactly(0L, 1L, 2L);
        assertThat(toSeller.get(2).lines()).extracting(OrderLineView::lineId).containsExactly("L1", "L2");
        assertThat(toSeller.get(2).sellers()).extracting(SellerPartView::sellerId).containsExactly(S1);
        assertThat(toAnalyst).extracting(OrderView::shippingAddress).containsOnlyNulls().hasSize(3);
        assertThat(toStranger).isEmpty();
        assertThat(toOtherOrder).isEmpty();
    }

    // ----

    private void paidOrder(String orderId) {
        feed.order(orderId, placed(orderId));
        feed.order(orderId, requested(orderId));
        feed.order(orderId, approved(orderId));
    }

    private void deliveredOrder(String orderId) {
        paidOrder(orderId);
        for (var seller : List.of(S1, S2)) {
            feed.order(orderId, preparing(orderId, seller));
            feed.order(orderId, shipped(orderId, seller));
            feed.order(orderId, delivered(orderId, seller));
        }
    }

    private List<OrderView> subscribe(String orderId, Viewer viewer) {
        return Subscriptions.subscribe(emitter, new FindOrderQuery(id(orderId), viewer), OrderView.class);
    }

    private OrderView find(String orderId) {
        return orders.find(id(orderId), SUPPORT).orElseThrow();
    }

    private List<Document> documents() {
        return database.getCollection(OrderSummaryDocument.COLLECTION).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }
}
