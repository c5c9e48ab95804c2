package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.jangteo.graphql.OrderTestKit.amount;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SalesStatsGraphQlIT extends GraphQlTestSupport {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void salesStatsAfterCheckoutShowExactFiguresPerShopAndARefundLowersNet() {
        OrderTestKit kit = new OrderTestKit(port);
        Shop linen = kit.shop("린넨 " + tag, new Policy(3_000, null, 0, 5_000, 5_000));
        Shop pottery = kit.shop("도자기 " + tag, new Policy(2_500, null, 0, 5_000, 5_000));
        Listing shirt = kit.product(linen, "셔츠 " + tag, 12_000, List.of("색상"), new VariantSpec(List.of("흰색"), 0, 10));
        Listing mug = kit.product(pottery, "머그 " + tag, 5_000, List.of("색상"), new VariantSpec(List.of("검정"), 0, 10));
        Buyer buyer = kit.buyer("sales");
        String orderId = placeAndPay(kit, buyer, List.of(line(shirt, shirt.variant("흰색"), 2),
                line(mug, mug.variant("검정"), 1)));
        HttpGraphQlTester analyst = kit.as("ANALYST", null, "kit-analyst-" + tag);

        // shipping fees are not sales: 2 × 12,000 won for the linen shop, 5,000 won for the pottery shop
        Map<String, Object> linenFigures = awaitTotals(analyst, filter(linen.sellerId()), 24_000);
        assertRow(linenFigures, 1, 2, 24_000, 0);
        Map<String, Object> potteryFigures = awaitTotals(analyst, filter(pottery.sellerId()), 5_000);
        assertRow(potteryFigures, 1, 1, 5_000, 0);

        List<Map<String, Object>> rows = stats(analyst, filter(linen.sellerId()), List.of("DAY", "SELLER", "CATEGORY"))
                .path("salesStats.rows").entityList(Map.class).get().stream()
                .map(row -> (Map<String, Object>) row).toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("sellerId")).isEqualTo(linen.sellerId());
            assertThat(row.get("categoryId")).isEqualTo("uncategorized");
            assertThat(LocalDate.parse((String) row.get("day"))).isBetween(today().minusDays(1), today());
            assertRow(row, 1, 2, 24_000, 0);
        });

        // the buyer cancels the pottery line after payment: its refund lowers that shop's net, not its gross
        Map<String, Object> cancelled = kit.change(buyer.api(), "cancelOrder",
                Map.of("orderId", orderId, "lineIds", List.of("2"), "reason", "단순 변심"));
        assertThat(cancelled).isNotNull();
        await().atMost(OrderTestKit.WAIT).untilAsserted(() -> assertRow(
                totals(analyst, filter(pottery.sellerId())), 1, 1, 5_000, 5_000));
        assertRow(totals(analyst, filter(linen.sellerId())), 1, 2, 24_000, 0);
    }

    @Test
    void aSellerSeesOnlyItsOwnShopAndACustomerIsForbidden() {
        OrderTestKit kit = new OrderTestKit(port);
        Shop own = kit.shop("자기 " + tag, new Policy(3_000, null, 0, 5_000, 5_000));
        Shop other = kit.shop("남의 " + tag, new Policy(3_000, null, 0, 5_000, 5_000));
        Listing pen = kit.product(own, "펜 " + tag, 3_000, List.of("색상"), new VariantSpec(List.of("파랑"), 0, 10));
        Buyer buyer = kit.buyer("pen");
        placeAndPay(kit, buyer, List.of(line(pen, pen.variant("파랑"), 3)));

        Map<String, Object> mine = awaitTotals(own.api(), filter(own.sellerId()), 9_000);
        assertRow(mine, 1, 3, 9_000, 0);

        assertErrorCode(stats(own.api(), filter(other.sellerId()), List.of()), "FORBIDDEN");
        assertErrorCode(stats(own.api(), filter(null), List.of("SELLER")), "FORBIDDEN");
        assertErrorCode(stats(buyer.api(), filter(own.sellerId()), List.of()), "FORBIDDEN");
        assertErrorCode(stats(kit.anonymous(), filter(own.sellerId()), List.of()), "UNAUTHENTICATED");

        HttpGraphQlTester analyst = kit.as("ANALYST", null, "kit-analyst-" + tag);
        Map<String, Object> tooLong = new HashMap<>(filter(null));
        tooLong.put("fromDay", today().minusDays(366).toString());
        assertErrorCode(stats(analyst, tooLong, List.of()), "BAD_USER_INPUT");
        Map<String, Object> notADay = new HashMap<>(filter(null));
        notADay.put("toDay", "next tuesday");
        assertErrorCode(stats(analyst, notADay, List.of()), "BAD_USER_INPUT");
        Map<String, Object> backwards = new HashMap<>(filter(null));
        backwards.put("toDay", today().minusDays(5).toString());
        assertErrorCode(stats(analyst, backwards, List.of()), "BAD_USER_INPUT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void salesStatsChangedPushesTheDaysRowWhenAnOrderIsPaid() throws Exception {
        OrderTestKit kit = new OrderTestKit(port);
        Shop shop = kit.shop("실시간 " + tag, new Policy(3_000, null, 0, 5_000, 5_000));
        Listing cup = kit.product(shop, "컵 " + tag, 4_000, List.of("색상"), new VariantSpec(List.of("흰색"), 0, 100));
        Buyer buyer = kit.buyer("live");
        String token = token("ANALYST", null);
        WebSocketGraphQlTester socket = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .headers(headers -> headers.setBearerAuth(token))
                .build();
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        Disposable subscription = socket.documentName("salesStatsChanged")
                .variable("filter", filter(shop.sellerId()))
                .variable("groupBy", List.of("SELLER"))
                .executeSubscription()
                .toFlux()
                .subscribe(response -> received.add(response.path("salesStatsChanged").entity(Map.class).get()));
        try {
            // the server registers the subscription asynchronously: pay orders until the first push arrives
            Map<String, Object> first = null;
            int paid = 0;
            long started = System.nanoTime();
            while (first == null && paid < 10) {
                placeAndPay(kit, buyer, List.of(line(cup, cup.variant("흰색"), 1)));
                paid++;
                first = received.poll(5, TimeUnit.SECONDS);
            }
            assertThat(first).as("a pushed row after a payment").isNotNull();
            System.out.printf("salesStatsChanged: first push %d ms after subscribing, %d order(s) paid%n",
                    (System.nanoTime() - started) / 1_000_000, paid);
            assertThat(first.get("sellerId")).isEqualTo(shop.sellerId());
            assertThat(first.get("categoryId")).isNull();
            assertThat(LocalDate.parse((String) first.get("day"))).isBetween(today().minusDays(1), today());
            assertThat(number(first, "orders")).isBetween(1L, (long) paid);
            assertThat(amount(first.get("gross"))).isEqualTo(4_000 * number(first, "orders"));

            long payStarted = System.nanoTime();
            placeAndPay(kit, buyer, List.of(line(cup, cup.variant("흰색"), 2)));
            long total = paid + 1;
            Map<String, Object> last = first;
            while (number(last, "orders") < total) {
                Map<String, Object> next = received.poll(30, TimeUnit.SECONDS);
                assertThat(next).as("the row after order " + total).isNotNull();
                last = next;
            }
            System.out.printf("salesStatsChanged: push %d ms after the payment call began%n",
                    (System.nanoTime() - payStarted) / 1_000_000);
            assertThat(number(last, "orders")).isEqualTo(total);
            assertThat(number(last, "itemsSold")).isEqualTo(total + 1);
            assertThat(amount(last.get("gross"))).isEqualTo(4_000 * (total + 1));
            assertThat(amount(last.get("net"))).isEqualTo(4_000 * (total + 1));
        } finally {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    // ----

    private String placeAndPay(OrderTestKit kit, Buyer buyer, List<Map<String, Object>> lines) {
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", OrderTestKit.orderInput(
                "sales-" + UUID.randomUUID(), lines, OrderTestKit.seoulAddress(), null, 0,
                OrderTestKit.redirectPayment("KAKAO_PAY")));
        String orderId = (String) placed.get("id");
        Map<String, Object> paid = kit.change(buyer.api(), "approvePayment",
                Map.of("orderId", orderId, "approvalToken", "sandbox_ok"));
        assertThat(paid.get("status")).isEqualTo("PAID");
        return orderId;
    }

    private static LocalDate today() {
        return LocalDate.now(SEOUL);
    }

    /** Yesterday to today in Seoul, so a test running across midnight still finds its sales. */
    private static Map<String, Object> filter(String sellerId) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("fromDay", today().minusDays(1).toString());
        filter.put("toDay", today().toString());
        filter.put("sellerId", sellerId);
        return filter;
    }

    private static GraphQlTester.Response stats(HttpGraphQlTester caller, Map<String, Object> filter,
                                                List<String> groupBy) {
        return caller.documentName("salesStats").variable("filter", filter).variable("groupBy", groupBy).execute();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> totals(HttpGraphQlTester caller, Map<String, Object> filter) {
        GraphQlTester.Response response = stats(caller, filter, List.of());
        response.errors().verify();
        return response.path("salesStats.totals").entity(Map.class).get();
    }

    private static Map<String, Object> awaitTotals(HttpGraphQlTester caller, Map<String, Object> filter, long gross) {
        return await().atMost(OrderTestKit.WAIT).until(() -> totals(caller, filter),
                totals -> amount(totals.get("gross")) == gross);
    }

    private static void assertRow(Map<String, Object> row, long orders, long items, long gross, long refunds) {
        assertThat(number(row, "orders")).as("orders").isEqualTo(orders);
        assertThat(number(row, "itemsSold")).as("itemsSold").isEqualTo(items);
        assertThat(amount(row.get("gross"))).as("gross").isEqualTo(gross);
        assertThat(amount(row.get("refunds"))).as("refunds").isEqualTo(refunds);
        assertThat(amount(row.get("net"))).as("net").isEqualTo(gross - refunds);
        assertThat(map(row, "gross")).containsEntry("currency", "KRW");
    }

    private static void assertErrorCode(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", code)));
    }
}
