package io.jangteo.query.analytics;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.analytics.FindSalesStatsQuery;
import io.jangteo.messages.analytics.SalesDimension;
import io.jangteo.messages.analytics.SalesStatsFilter;
import io.jangteo.messages.analytics.SalesStatsRow;
import io.jangteo.messages.analytics.SalesStatsView;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.DomainEventFeed;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.Subscriptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.jangteo.messages.shared.Money.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class SalesStatsProjectionTest {

    private static final EmbeddedReadStore STORE = new EmbeddedReadStore();
    private static final SellerId S1 = SellerId.of("s-1");
    private static final SellerId S2 = SellerId.of("s-2");
    private static final LocalDate MARCH_1 = LocalDate.parse("2025-03-01");
    private static final LocalDate MARCH_2 = LocalDate.parse("2025-03-02");
    /** 12:00 in Seoul on 1 March. */
    private static final Instant NOON_MARCH_1_KST = Instant.parse("2025-03-01T03:00:00Z");
    /** 01:00 in Seoul on 2 March, still 1 March in UTC: counts on the Korean day. */
    private static final Instant AFTER_MIDNIGHT_KST = Instant.parse("2025-03-01T16:00:00Z");
    private static final Instant REFUND_MARCH_2_KST = Instant.parse("2025-03-02T02:00:00Z");

    private MongoDatabase database;
    private QueryUpdateEmitter emitter;
    private SalesStatsProjection projection;
    private Feed feed;

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    @BeforeEach
    void setUp() {
        database = STORE.freshDatabase();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new SalesStatsProjection(database, emitter, "Asia/Seoul");
        feed = new Feed(projection);
    }

    @Test
    void paidOrdersOfTwoSellersAndCategoriesOnTwoKoreanDaysGiveExactFigures() {
        deliverTheMarch();

        SalesStatsView fine = ask(MARCH_1, MARCH_2, null, null, SalesDimension.DAY, SalesDimension.SELLER,
                SalesDimension.CATEGORY);
        assertThat(fine.rows()).extracting(SalesStatsRow::day, r -> r.sellerId().value(), SalesStatsRow::categoryId,
                        SalesStatsRow::orders, SalesStatsRow::itemsSold, r -> r.gross().amount(),
                        r -> r.refunds().amount(), r -> r.net().amount())
                .containsExactly(
                        tuple(MARCH_1, "s-1", "c-food", 1L, 2L, 18_500L, 0L, 18_500L),
                        tuple(MARCH_1, "s-1", "c-wear", 1L, 1L, 5_000L, 0L, 5_000L),
                        tuple(MARCH_1, "s-2", "c-food", 1L, 1L, 30_000L, 0L, 30_000L),
                        tuple(MARCH_2, "s-2", "c-food", 0L, 0L, 0L, 30_000L, -30_000L),
                        tuple(MARCH_2, "s-2", "c-wear", 1L, 3L, 21_000L, 0L, 21_000L));
        assertTotals(fine, 2, 7, 74_500, 30_000);
        assertThat(fine.totals().gross()).isEqualTo(won(74_500));

        // an order of two shops and two categories is one order of its day
        SalesStatsView byDay = ask(MARCH_1, MARCH_2, null, null, SalesDimension.DAY);
        assertThat(byDay.rows()).extracting(SalesStatsRow::day, SalesStatsRow::sellerId, SalesStatsRow::orders,
                        SalesStatsRow::itemsSold, r -> r.gross().amount(), r -> r.refunds().amount(),
                        r -> r.net().amount())
                .containsExactly(tuple(MARCH_1, null, 1L, 4L, 53_500L, 0L, 53_500L),
                        tuple(MARCH_2, null, 1L, 3L, 21_000L, 30_000L, -9_000L));

        SalesStatsView bySeller = ask(MARCH_1, MARCH_2, null, null, SalesDimension.SELLER);
        assertThat(bySeller.rows()).extracting(r -> r.sellerId().value(), SalesStatsRow::day, SalesStatsRow::orders,
                        r -> r.gross().amount(), r -> r.net().amount())
                .containsExactly(tuple("s-1", null, 1L, 23_500L, 23_500L), tuple("s-2", null, 2L, 51_000L, 21_000L));

        SalesStatsView food = ask(MARCH_1, MARCH_2, null, "c-food");
        assertThat(food.rows()).hasSize(1);
        assertTotals(food, 1, 3, 48_500, 30_000);

        SalesStatsView secondShop = ask(MARCH_1, MARCH_2, S2, null, SalesDimension.CATEGORY);
        assertThat(secondShop.rows()).extracting(SalesStatsRow::categoryId, SalesStatsRow::orders)
                .containsExactly(tuple("c-food", 1L), tuple("c-wear", 1L));
        assertTotals(secondShop, 2, 4, 51_000, 30_000);

        // the first day alone: the refund of the next Korean day is not in it
        assertTotals(ask(MARCH_1, MARCH_1, null, null), 1, 4, 53_500, 0);
    }

    @Test
    void aRefundLowersNetOnTheDayOfTheRefund() {
        feed.order("A", placed("A", lineA1(), lineA2(), lineA3()));
        feed.order("A", approved("A", NOON_MARCH_1_KST));
        assertTotals(ask(MARCH_1, MARCH_2, null, null), 1, 4, 53_500, 0);

        // two lines of the first shop, 18,500 + 5,000 won, refunded with a 3,000 won shipping refund left out
        feed.order("A", refund("A", "RF1", S1, List.of("1", "2"), 23_500, REFUND_MARCH_2_KST));

        SalesStatsView byDay = ask(MARCH_1, MARCH_2, null, null, SalesDimension.DAY);
        assertThat(byDay.rows()).extracting(SalesStatsRow::day, r -> r.gross().amount(), r -> r.refunds().amount(),
                        r -> r.net().amount())
                .containsExactly(tuple(MARCH_1, 53_500L, 0L, 53_500L), tuple(MARCH_2, 0L, 23_500L, -23_500L));
        SalesStatsView byCategory = ask(MARCH_1, MARCH_2, S1, null, SalesDimension.CATEGORY);
        assertThat(byCategory.rows()).extracting(SalesStatsRow::categoryId, r -> r.refunds().amount())
                .containsExactly(tuple("c-food", 18_500L), tuple("c-wear", 5_000L));
        assertTotals(ask(MARCH_1, MARCH_2, null, null), 1, 4, 53_500, 23_500);
    }

    @Test
    void anOrderCancelledOrNeverPaidCountsNothing() {
        feed.order("C", placed("C", lineA1()));
        feed.order("C", new OrderCancelled(OrderId.of("C"), MemberId.of("m-1"), "단순 변심", NOON_MARCH_1_KST));
        feed.order("D", placed("D", lineA3()));

        SalesStatsView view = ask(MARCH_1, MARCH_2, null, null, SalesDimension.DAY);
        assertThat(view.rows()).isEmpty();
        assertTotals(view, 0, 0, 0, 0);
        assertThat(database.getCollection("sales_stats").countDocuments()).isZero();
    }

    @Test
    void aRedeliveredEventIsNotCountedTwice() {
        deliverTheMarch();
        List<Document> before = documents();
        for (DomainEventMessage<?> message : feed.delivered()) {
            feed.deliver(message);
        }
        assertThat(documents()).isEqualTo(before);
        assertTotals(ask(MARCH_1, MARCH_2, null, null), 2, 7, 74_500, 30_000);
    }

    @Test
    void aReplayFromScratchGivesIdenticalDocuments() {
        deliverTheMarch();
        List<Document> live = documents();
        List<DomainEventMessage<?>> history = feed.delivered();

        projection.reset();
        assertThat(documents()).isEmpty();
        history.forEach(feed::deliver);

        assertThat(documents()).isEqualTo(live);
    }

    @Test
    void aSubscriberIsPushedTheChangedDayRowOfItsFilterOnly() {
        FindSalesStatsQuery firstShop = new FindSalesStatsQuery(new SalesStatsFilter(MARCH_1, MARCH_2, S1, null),
                List.of(SalesDimension.DAY));
        FindSalesStatsQuery wholeMarket = new FindSalesStatsQuery(new SalesStatsFilter(MARCH_1, MARCH_2, null, null),
                List.of());
        List<SalesStatsRow> shopUpdates = Subscriptions.subscribe(emitter, firstShop, SalesStatsRow.class);
        List<SalesStatsRow> marketUpdates = Subscriptions.subscribe(emitter, wholeMarket, SalesStatsRow.class);

        feed.order("B", placed("B", lineB()));
        feed.order("B", approved("B", AFTER_MIDNIGHT_KST)); // the second shop only
        feed.order("A", placed("A", lineA1(), lineA2(), lineA3()));
        feed.order("A", approved("A", NOON_MARCH_1_KST));

        await().untilAsserted(() -> assertThat(marketUpdates).extracting(SalesStatsRow::day, SalesStatsRow::orders,
                        r -> r.gross().amount())
                .containsExactly(tuple(MARCH_2, 1L, 21_000L), tuple(MARCH_1, 1L, 53_500L)));
        await().untilAsserted(() -> assertThat(shopUpdates).extracting(SalesStatsRow::day,
                        r -> r.sellerId() == null ? null : r.sellerId().value(), SalesStatsRow::orders,
                        SalesStatsRow::itemsSold, r -> r.gross().amount())
                .containsExactly(tuple(MARCH_1, null, 1L, 3L, 23_500L)));

        // a redelivery changes nothing and pushes nothing
        feed.delivered().forEach(feed::deliver);
        assertThat(marketUpdates).hasSize(2);
        assertThat(shopUpdates).hasSize(1);
    }

    /** Measures (prints, never asserts) how fast payments are counted and a month's questions answered. */
    @Test
    void aMonthOfOrdersAddsUpExactly() {
        int orders = 1_000;
        long expectedGross = 0;
        long started = System.nanoTime();
        for (int n = 0; n < orders; n++) {
            String id = "M" + n;
            SellerId seller = SellerId.of("s-" + n % 8);
            QuotedLine first = line("1", seller, "c-" + n % 4, 1_000 + n, 1, 0, 0);
            QuotedLine second = line("2", SellerId.of("s-" + (n + 3) % 8), "c-" + (n + 1) % 4, 500, 2, 100, 0);
            expectedGross += first.payAmount().amount() + second.payAmount().amount();
            feed.order(id, placed(id, first, second));
            feed.order(id, approved(id, NOON_MARCH_1_KST.plus(java.time.Duration.ofHours(17L * n % (30 * 24)))));
        }
        long deliveredNanos = System.nanoTime() - started;
        LocalDate last = MARCH_1.plusDays(30);

        long queryStarted = System.nanoTime();
        SalesStatsView byDay = ask(MARCH_1, last, null, null, SalesDimension.DAY);
        long byDayNanos = System.nanoTime() - queryStarted;
        queryStarted = System.nanoTime();
        SalesStatsView fine = ask(MARCH_1, last, null, null, SalesDimension.DAY, SalesDimension.SELLER,
                SalesDimension.CATEGORY);
        long fineNanos = System.nanoTime() - queryStarted;

        assertTotals(byDay, orders, 3L * orders, expectedGross, 0);
        assertTotals(fine, orders, 3L * orders, expectedGross, 0);
        assertThat(byDay.rows()).hasSize(31);
        assertThat(fine.rows().stream().mapToLong(SalesStatsRow::orders).sum()).isGreaterThan(orders);
        System.out.printf("sales-stats: %d orders (%d events) counted in %d ms (%.0f events/s, in-memory store);"
                        + " 31 days by day %d ms (%d rows), by day, seller and category %d ms (%d rows)%n",
                orders, 2 * orders, deliveredNanos / 1_000_000, 2 * orders / (deliveredNanos / 1e9),
                byDayNanos / 1_000_000, byDay.rows().size(), fineNanos / 1_000_000, fine.rows().size());
    }

    // ----

    /** Order A (both shops) paid at noon on 1 March, order B paid after midnight (2 March in Seoul), A's shoes refunded. */
    private void deliverTheMarch() {
        feed.order("A", placed("A", lineA1(), lineA2(), lineA3()));
        feed.order("B", placed("B", lineB()));
        feed.order("A", approved("A", NOON_MARCH_1_KST));
        feed.order("B", approved("B", AFTER_MIDNIGHT_KST));
        feed.order("C", placed("C", lineA1()));
        feed.order("C", new OrderCancelled(OrderId.of("C"), MemberId.of("m-1"), "단순 변심", NOON_MARCH_1_KST));
        feed.order("A", refund("A", "RF1", S2, List.of("3"), 30_000, REFUND_MARCH_2_KST));
    }

    private SalesStatsView ask(LocalDate from, LocalDate to, SellerId seller, String category,
                               SalesDimension... groupBy) {
        return projection.find(new FindSalesStatsQuery(new SalesStatsFilter(from, to, seller, category),
                List.of(groupBy)));
    }

    private static void assertTotals(SalesStatsView view, long orders, long items, long gross, long refunds) {
        assertThat(view.totals()).extracting(SalesStatsRow::orders, SalesStatsRow::itemsSold,
                        r -> r.gross().amount(), r -> r.refunds().amount(), r -> r.net().amount())
                .containsExactly(orders, items, gross, refunds, gross - refunds);
    }

    private List<Document> documents() {
        List<Document> all = new ArrayList<>();
        Stream.of("sales_stats", "sales_orders").forEach(name ->
                database.getCollection(name).find().sort(new Document("_id", 1)).forEach(all::add));
        return all;
    }

    /** 2 × 10,000 won food, 1,000 won coupon share and 500 points: pays 18,500. */
    private static QuotedLine lineA1() {
        return line("1", S1, "c-food", 10_000, 2, 1_000, 500);
    }

    private static QuotedLine lineA2() {
        return line("2", S1, "c-wear", 5_000, 1, 0, 0);
    }

    private static QuotedLine lineA3() {
        return line("3", S2, "c-food", 30_000, 1, 0, 0);
    }

    private static QuotedLine lineB() {
        return line("1", S2, "c-wear", 7_000, 3, 0, 0);
    }

    private static QuotedLine line(String lineId, SellerId seller, String category, long unitPrice, long quantity,
                                   long coupon, long points) {
        long amount = unitPrice * quantity;
        return new QuotedLine(lineId, ProductId.of("p-" + lineId), VariantId.of("v-" + lineId), seller, "상품",
                "sku-" + lineId, List.of(), category, 300, won(unitPrice), quantity, won(amount), won(coupon), points,
                won(amount - coupon - points));
    }

    private static OrderPlaced placed(String orderId, QuotedLine... lines) {
        Money items = won(0);
        Money pay = won(0);
        for (QuotedLine line : lines) {
            items = items.plus(line.amount());
            pay = pay.plus(line.payAmount());
        }
        List<QuotedSellerPart> parts = Stream.of(lines).map(QuotedLine::sellerId).distinct()
                .map(seller -> new QuotedSellerPart(seller, "Shop " + seller, 1, won(0), won(0), List.of(), 1,
                        won(3_000), won(6_000)))
                .toList();
        return new OrderPlaced(OrderId.of(orderId), MemberId.of("m-1"), "key-" + orderId, "fp-" + orderId,
                new OrderQuote(List.of(lines), parts, items, null, won(0), 0, won(0), pay, "BASIC"),
                new ShippingAddress("김구매", "010-1234-5678", "KR", "06236", "서울", "101호", null),
                new PaymentChoice(PaymentMethod.KAKAO_PAY, null, "https://shop.example/return"), "cart-m-1",
                NOON_MARCH_1_KST.minusSeconds(600));
    }

    private static PaymentApproved approved(String orderId, Instant at) {
        return new PaymentApproved(OrderId.of(orderId), MemberId.of("m-1"), "pay-" + orderId,
                PaymentMethod.KAKAO_PAY, won(1), "tx-" + orderId, at);
    }

    private static RefundCompleted refund(String orderId, String refundId, SellerId seller, List<String> lineIds,
                                          long items, Instant at) {
        return new RefundCompleted(OrderId.of(orderId), MemberId.of("m-1"), refundId, seller, lineIds, won(items),
                won(3_000), won(0), won(items + 3_000), 0, "pay-" + orderId, "prov-" + refundId, "환불", at);
    }

    private static final class Feed extends DomainEventFeed {
        Feed(Object projection) {
            super(projection);
        }

        void order(String orderId, Object event) {
            nextOf("Order", orderId, event);
        }
    }
}
