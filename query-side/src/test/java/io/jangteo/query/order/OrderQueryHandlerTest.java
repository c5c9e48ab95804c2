package io.jangteo.query.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.ClaimView;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.FindOrdersQuery;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.OrderFilter;
import io.jangteo.messages.order.OrderLineView;
import io.jangteo.messages.order.OrderPage;
import io.jangteo.messages.order.OrderRejected;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentStatus;
import io.jangteo.messages.order.PaymentView;
import io.jangteo.messages.order.RefundView;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.SellerPartView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.shared.EmbeddedReadStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.jangteo.messages.shared.Money.won;
import static io.jangteo.query.order.OrderFixtures.ADDRESS;
import static io.jangteo.query.order.OrderFixtures.QUOTE;
import static io.jangteo.query.order.OrderFixtures.S1;
import static io.jangteo.query.order.OrderFixtures.S2;
import static io.jangteo.query.order.OrderFixtures.T;
import static io.jangteo.query.order.OrderFixtures.approved;
import static io.jangteo.query.order.OrderFixtures.cancelled;
import static io.jangteo.query.order.OrderFixtures.delivered;
import static io.jangteo.query.order.OrderFixtures.exchangeRequested;
import static io.jangteo.query.order.OrderFixtures.id;
import static io.jangteo.query.order.OrderFixtures.placed;
import static io.jangteo.query.order.OrderFixtures.preparing;
import static io.jangteo.query.order.OrderFixtures.refund;
import static io.jangteo.query.order.OrderFixtures.requested;
import static io.jangteo.query.order.OrderFixtures.returnRequested;
import static io.jangteo.query.order.OrderFixtures.shipped;
import static io.jangteo.query.order.OrderFixtures.singleQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderQueryHandlerTest {

    private static final Viewer BUYER = new Viewer(ActorRole.CUSTOMER, "m-buyer", null);
    private static final Viewer STRANGER = new Viewer(ActorRole.CUSTOMER, "m-other", null);
    private static final Viewer SELLER_1 = new Viewer(ActorRole.SELLER, "u-s1", "s-1");
    private static final Viewer SELLER_2 = new Viewer(ActorRole.SELLER, "u-s2", "s-2");
    private static final Viewer SELLER_9 = new Viewer(ActorRole.SELLER, "u-s9", "s-9");
    private static final Viewer ANALYST = new Viewer(ActorRole.ANALYST, "u-analyst", null);
    private static final Viewer SUPPORT = new Viewer(ActorRole.SUPPORT, "u-support", null);
    private static final Viewer SYSTEM = new Viewer(ActorRole.SYSTEM, "system:checkout", null);
    private static final Viewer ADMIN = Viewer.admin("u-admin");

    private static EmbeddedReadStore readStore;

    private EmbeddedEventStore eventStore;
    private OrderFeed feed;
    private OrderQueryHandler handler;

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
        MongoDatabase database = readStore.freshDatabase();
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        feed = new OrderFeed(new OrderSummaryProjection(database, SimpleQueryUpdateEmitter.builder().build()));
        handler = new OrderQueryHandler(database, new OrderHistory(eventStore, new ObjectMapper()));
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    // ---- one order, per viewer

    @Test
    void theBuyerSupportAdminsAndSystemActorsSeeTheWholeOrder() {
        claimedOrder("o-1");
        OrderView whole = find("o-1", SUPPORT).orElseThrow();

        assertThat(whole.lines()).hasSize(3);
        assertThat(whole.claims()).hasSize(2);
        assertThat(whole.refunds()).hasSize(2);
        assertThat(whole.shippingAddress()).isEqualTo(ADDRESS);
        assertThat(whole.payment().paymentKey()).isEqualTo("pay-o-1");
        assertThat(find("o-1", BUYER)).contains(whole);
        assertThat(find("o-1", ADMIN)).contains(whole);
        assertThat(find("o-1", SYSTEM)).contains(whole);
    }

    @Test
    void anAnalystSeesEverythingButTheShippingAddress() {
        claimedOrder("o-1");
        OrderView whole = find("o-1", SUPPORT).orElseThrow();

        OrderView seen = find("o-1", ANALYST).orElseThrow();

        assertThat(seen.shippingAddress()).isNull();
        assertThat(seen).usingRecursiveComparison().ignoringFields("shippingAddress").isEqualTo(whole);
    }

    @Test
    void eachSellerSeesItsOwnLinesPartClaimsAndRefundsAndTheAddressButNotThePaymentHandles() {
        claimedOrder("o-1");
        OrderView whole = find("o-1", SUPPORT).orElseThrow();

        OrderView first = find("o-1", SELLER_1).orElseThrow();
        OrderView second = find("o-1", SELLER_2).orElseThrow();

        assertThat(first.lines()).extracting(OrderLineView::lineId).containsExactly("L1", "L2");
        assertThat(first.sellers()).extracting(SellerPartView::sellerId).containsExactly(S1);
        assertThat(first.claims()).extracting(ClaimView::claimId).containsExactly("R-1");
        assertThat(first.refunds()).extracting(RefundView::refundId).containsExactly("RF-1");
        assertThat(second.lines()).extracting(OrderLineView::lineId).containsExactly("L3");
        assertThat(second.sellers()).extracting(SellerPartView::sellerId).containsExactly(S2);
        assertThat(second.claims()).extracting(ClaimView::claimId).containsExactly("X-1");
        // a refund naming no shop belongs to the shop whose lines it refunds
        assertThat(second.refunds()).extracting(RefundView::refundId).containsExactly("RF-2");
        for (OrderView seen : List.of(first, second)) {
            assertThat(seen.shippingAddress()).isEqualTo(ADDRESS);
            assertThat(seen.payment()).isEqualTo(new PaymentView(PaymentMethod.KAKAO_PAY, PaymentStatus.APPROVED,
                    null, won(54_250), null, null, whole.payment().expiresAt(), whole.payment().approvedAt(), null,
                    null));
            assertThat(seen).extracting(OrderView::status, OrderView::itemsTotal, OrderView::amountToPay,
                            OrderView::refundedTotal, OrderView::version)
                    .containsExactly(whole.status(), whole.itemsTotal(), whole.amountToPay(), whole.refundedTotal(),
                            whole.version());
        }
    }

    @Test
    void aSellerSeesTheRejectionsOfItsLinesAndThoseOfTheWholeOrder() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-1", new OrderRejected(id("o-1"), MemberId.of("m-buyer"), List.of(
                new LineRejection("L1", ErrorCode.OUT_OF_STOCK, "재고 부족"),
                new LineRejection(null, ErrorCode.COUPON_NOT_APPLICABLE, "쿠폰 기간 만료")),
                ErrorCode.OUT_OF_STOCK, "주문할 수 없습니다", T));

        assertThat(find("o-1", SELLER_1).orElseThrow().rejections()).extracting(LineRejection::lineId)
                .containsExactly("L1", null);
        assertThat(find("o-1", SELLER_2).orElseThrow().rejections()).extracting(LineRejection::lineId)
                .containsExactly((String) null);
        assertThat(find("o-1", BUYER).orElseThrow().rejections()).hasSize(2);
    }

    @Test
    void anyoneElseDoesNotLearnTheOrderExists() {
        claimedOrder("o-1");

        assertThat(find("o-1", STRANGER)).isEmpty();
        assertThat(find("o-1", SELLER_9)).isEmpty();
        assertThat(find("o-1", Viewer.anonymous())).isEmpty();
        assertThat(find("o-1", new Viewer(ActorRole.SELLER, "u-s1", null))).isEmpty();
        assertThat(find("o-404", SUPPORT)).isEmpty();
    }

    @Test
    void aSellersAccountThatBoughtTheOrderSeesItAsTheBuyer() {
        claimedOrder("o-1");

        assertThat(find("o-1", new Viewer(ActorRole.SELLER, "m-buyer", "s-9")))
                .contains(find("o-1", SUPPORT).orElseThrow());
    }

    // ---- lists

    @Test
    void listsNewestFirstWithTheIdBreakingTiesPageByPage() {
        sixOrders();

        OrderPage first = list(new OrderFilter(null, null, null, null, null), SUPPORT, 2, null);
        OrderPage second = list(new OrderFilter(null, null, null, null, null), SUPPORT, 2, first.cursors().get(1));
        OrderPage third = list(new OrderFilter(null, null, null, null, null), SUPPORT, 2, second.cursors().get(1));

        assertThat(ids(first)).containsExactly("o-06", "o-05");
        assertThat(ids(second)).containsExactly("o-04", "o-03");
        assertThat(ids(third)).containsExactly("o-02", "o-01");
        assertThat(List.of(first.hasNextPage(), second.hasNextPage(), third.hasNextPage()))
                .containsExactly(true, true, false);
        assertThat(List.of(first.totalCount(), second.totalCount(), third.totalCount())).containsOnly(6L);
        assertThat(first.cursors()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aPageContinuesAfterItsCursorWhileNewerOrdersArrive() {
        sixOrders();
        OrderPage first = list(all(), SUPPORT, 3, null);

        feed.order("o-07", placed("o-07", "m-a", singleQuote(S1, 1_000), hour(9)));
        OrderPage next = list(all(), SUPPORT, 3, first.cursors().get(2));

        assertThat(ids(first)).containsExactly("o-06", "o-05", "o-04");
        assertThat(ids(next)).containsExactly("o-03", "o-02", "o-01");
        assertThat(next.totalCount()).isEqualTo(7);
    }

    @Test
    void filtersByBuyerShopStatusAndPlacementTime() {
        sixOrders();

        assertThat(ids(list(new OrderFilter(MemberId.of("m-a"), null, null, null, null), SUPPORT, 10, null)))
                .containsExactly("o-06", "o-04", "o-03", "o-01");
        assertThat(ids(list(new OrderFilter(null, S2, null, null, null), SUPPORT, 10, null)))
                .containsExactly("o-06", "o-03", "o-02");
        assertThat(ids(list(new OrderFilter(null, null, List.of(OrderStatus.PAID), null, null), SUPPORT, 10, null)))
                .containsExactly("o-05");
        assertThat(ids(list(new OrderFilter(null, null, List.of(OrderStatus.CANCELLED, OrderStatus.PAID), null,
                null), SUPPORT, 10, null))).containsExactly("o-05", "o-02");
        // from inclusive, to exclusive
        assertThat(ids(list(new OrderFilter(null, null, null, hour(2), hour(4)), SUPPORT, 10, null)))
                .containsExactly("o-05", "o-04", "o-03");
        OrderPage combined = list(new OrderFilter(MemberId.of("m-a"), S1, null, null, null), SUPPORT, 10, null);
        assertThat(ids(combined)).containsExactly("o-06", "o-04", "o-01");
        assertThat(combined.totalCount()).isEqualTo(3);
    }

    @Test
    void aCustomerListsOnlyItsOwnPurchasesWhateverTheFilterSays() {
        sixOrders();
        Viewer customerA = new Viewer(ActorRole.CUSTOMER, "m-a", null);

        OrderPage asked = list(new OrderFilter(MemberId.of("m-b"), null, null, null, null), customerA, 10, null);
        OrderPage unfiltered = list(all(), customerA, 10, null);

        assertThat(ids(asked)).containsExactly("o-06", "o-04", "o-03", "o-01");
        assertThat(asked.totalCount()).isEqualTo(4);
        assertThat(unfiltered).isEqualTo(asked);
        assertThat(asked.items().get(0).lines()).hasSize(3);
    }

    @Test
    void aSellerListsOnlyOrdersWithItsPartEachCutToItsShare() {
        sixOrders();

        OrderPage asked = list(new OrderFilter(null, S1, null, null, null), SELLER_2, 10, null);

        assertThat(ids(asked)).containsExactly("o-06", "o-03", "o-02");
        assertThat(asked.totalCount()).isEqualTo(3);
        assertThat(asked.items().get(0).lines()).extracting(OrderLineView::lineId).containsExactly("L3");
        assertThat(asked.items()).flatExtracting(OrderView::sellers).extracting(SellerPartView::sellerId)
                .containsOnly(S2);
        assertThat(list(all(), SELLER_2, 10, null)).isEqualTo(asked);
    }

    @Test
    void aSellersAccountListsItsOwnPurchasesWhole() {
        sixOrders();
        Viewer sellerWhoBuys = new Viewer(ActorRole.SELLER, "m-a", "s-2");

        OrderPage purchases = list(new OrderFilter(MemberId.of("m-a"), null, null, null, null), sellerWhoBuys, 10,
                null);

        assertThat(ids(purchases)).containsExactly("o-06", "o-04", "o-03", "o-01");
        assertThat(purchases.items().get(0).lines()).hasSize(3);
    }

    @Test
    void anAnonymousVisitorListsNothingAndAnAnalystSeesNoAddresses() {
        sixOrders();

        assertThat(list(all(), Viewer.anonymous(), 10, null)).isEqualTo(new OrderPage(List.of(), List.of(), 0,
                false));
        OrderPage analysed = list(all(), ANALYST, 10, null);
        assertThat(analysed.items()).hasSize(6).extracting(OrderView::shippingAddress).containsOnlyNulls();
    }

    @Test
    void anEmptyPageStillCountsAndTellsWhetherThereIsMore() {
        sixOrders();

        OrderPage page = list(all(), SUPPORT, 0, null);

        assertThat(page).extracting(OrderPage::items, OrderPage::totalCount, OrderPage::hasNextPage)
                .containsExactly(List.of(), 6L, true);
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        assertThatIllegalArgumentException().isThrownBy(() -> list(all(), SUPPORT, 10, "not-a-cursor!"));
        assertThatIllegalArgumentException().isThrownBy(() -> list(all(), SUPPORT, 10, "AAAA"));
    }

    // ----

    /** The standard order delivered by both shops, a return at S1 and an exchange at S2, and two refunds. */
    private void claimedOrder(String orderId) {
        feed.order(orderId, placed(orderId));
        feed.order(orderId, requested(orderId));
        feed.order(orderId, approved(orderId));
        for (SellerId seller : List.of(S1, S2)) {
            feed.order(orderId, preparing(orderId, seller));
            feed.order(orderId, shipped(orderId, seller));
            feed.order(orderId, delivered(orderId, seller));
        }
        feed.order(orderId, returnRequested(orderId, "R-1", S1, ReturnReason.DEFECTIVE, "L2"));
        feed.order(orderId, exchangeRequested(orderId, "X-1", S2, 5_000, "L3"));
        feed.order(orderId, refund(orderId, "RF-1", S1, List.of("L2"), 4_625, 0, 0, 125));
        feed.order(orderId, refund(orderId, "RF-2", null, List.of("L3"), 0, 3_000, 0, 0));
    }

    /**
     * o-01 (m-a, s-1, 0h), o-02 (m-b, s-2, 1h, cancelled), o-03 (m-a, s-2, 2h), o-04 (m-a, s-1, 2h),
     * o-05 (m-b, s-1, 3h, paid), o-06 (m-a, s-1 and s-2, 4h).
     */
    private void sixOrders() {
        feed.order("o-01", placed("o-01", "m-a", singleQuote(S1, 10_000), hour(0)));
        feed.order("o-02", placed("o-02", "m-b", singleQuote(S2, 20_000), hour(1)));
        feed.order("o-02", cancelled("o-02"));
        feed.order("o-04", placed("o-04", "m-a", singleQuote(S1, 40_000), hour(2)));
        feed.order("o-03", placed("o-03", "m-a", singleQuote(S2, 30_000), hour(2)));
        feed.order("o-05", placed("o-05", "m-b", singleQuote(S1, 50_000), hour(3)));
        feed.order("o-05", requested("o-05"));
        feed.order("o-05", approved("o-05"));
        feed.order("o-06", placed("o-06", "m-a", QUOTE, hour(4)));
    }

    private static Instant hour(long n) {
        return T.plus(Duration.ofHours(n));
    }

    private static OrderFilter all() {
        return new OrderFilter(null, null, null, null, null);
    }

    private java.util.Optional<OrderView> find(String orderId, Viewer viewer) {
        return handler.find(new FindOrderQuery(id(orderId), viewer));
    }

    private OrderPage list(OrderFilter filter, Viewer viewer, int first, String after) {
        return handler.find(new FindOrdersQuery(filter, viewer, first, after));
    }

    private static List<String> ids(OrderPage page) {
        List<String> ids = new ArrayList<>();
        page.items().forEach(item -> ids.add(item.orderId().value()));
        return ids;
    }
}
