package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.jangteo.graphql.OrderTestKit.amount;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.list;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.redirectPayment;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placing and paying an order over HTTP, and what goes wrong: a declined card, a cancel before payment, a partial
 * cancel after payment with its refund, and who may see, follow or change whose order.
 */
class PlaceOrderGraphQlIT extends GraphQlTestSupport {

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private OrderTestKit kit;
    private Shop shop;
    private Listing tee;

    @BeforeEach
    void aShopWithStock() {
        kit = new OrderTestKit(port);
        // free shipping from 50,000: the orders below cost no shipping, so refunds are the lines' amounts
        shop = kit.shop("티셔츠가게 " + tag, new Policy(3_000, 50_000L, 3_000, 4_000, 4_000));
        tee = kit.product(shop, "반팔 티셔츠 " + tag, 20_000, List.of("색상"),
                new VariantSpec(List.of("블랙"), 0, 10), new VariantSpec(List.of("화이트"), -5_000, 10));
    }

    @Test
    void placeOrder_refusesAnonymousCallers() {
        kit.anonymous().documentName("orderMutations").operationName("placeOrder").fragmentName("orderFields")
                .variable("input", orderInput("anon-" + tag, List.of(line(tee, tee.variant("블랙"), 1)),
                        seoulAddress(), null, 0, redirectPayment("CARD")))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    @Test
    void placeOrder_refusesMalformedInputAtItsPath() {
        Buyer buyer = kit.buyer("malformed");
        Map<String, Object> both = orderInput("both-" + tag, List.of(line(tee, tee.variant("블랙"), 1)),
                seoulAddress(), null, 0, redirectPayment("CARD"));
        both.put("fromCart", true);
        assertThat(kit.mutate(buyer.api(), "placeOrder", both).get("errors")).isEqualTo(List.of(Map.of(
                "code", "INVALID_INPUT", "field", List.of("input", "fromCart"),
                "message", "Give the lines or fromCart, not both")));

        Map<String, Object> tooMany = kit.mutate(buyer.api(), "placeOrder", orderInput("many-" + tag,
                List.of(line(tee, tee.variant("블랙"), 11)), seoulAddress(), null, 0, redirectPayment("CARD")));
        assertThat(tooMany.get("order")).isNull();
        assertThat(list(tooMany, "errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code")).isEqualTo("OUT_OF_STOCK");
            assertThat(error.get("field")).isEqualTo(List.of("input", "lines", "0", "quantity"));
        });
    }

    @Test
    void approvePayment_withADeclinedTestCardDeclinesTheOrderAndReleasesItsStock() {
        Buyer buyer = kit.buyer("declined");
        String variant = tee.variant("블랙");
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", orderInput("declined-" + tag,
                List.of(line(tee, variant, 2)), seoulAddress(), null, 0, redirectPayment("CARD")));
        assertThat(placed.get("status")).isEqualTo("AWAITING_PAYMENT");
        kit.awaitStock(shop, tee.productId(), variant, 8, 10, 2);

        Map<String, Object> payload = kit.mutate(buyer.api(), "approvePayment", Map.of(
                "orderId", placed.get("id"), "approvalToken", "sandbox_card_4000000000000002"));

        assertThat(list(payload, "errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code")).isEqualTo("PAYMENT_DECLINED");
            assertThat(error.get("field")).isEqualTo(List.of("input", "approvalToken"));
            assertThat((String) error.get("message")).isNotBlank();
        });
        Map<String, Object> declined = map(payload, "order");
        assertThat(declined.get("status")).isEqualTo("PAYMENT_DECLINED");
        assertThat(map(declined, "payment")).containsEntry("status", "DECLINED")
                .containsEntry("declineCode", "CARD_DECLINED");
        kit.awaitStock(shop, tee.productId(), variant, 10, 10, 0);
    }

    @Test
    void cancelOrder_beforePaymentCancelsTheWholeOrderAndReleasesItsStock() {
        Buyer buyer = kit.buyer("cancel");
        String variant = tee.variant("화이트");
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", orderInput("cancel-" + tag,
                List.of(line(tee, variant, 3)), seoulAddress(), null, 0, redirectPayment("NAVER_PAY")));
        assertThat(placed.get("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(amount(placed.get("amountToPay"))).isEqualTo(45_000 + 3_000);
        kit.awaitStock(shop, tee.productId(), variant, 7, 10, 3);

        Map<String, Object> cancelled = kit.change(buyer.api(), "cancelOrder",
                Map.of("orderId", placed.get("id"), "reason", "주문 실수"));

        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(list(cancelled, "refunds")).as("nothing was paid").isEmpty();
        kit.awaitStock(shop, tee.productId(), variant, 10, 10, 0);
    }

    @Test
    void cancelOrder_ofOneLineAfterPaymentRefundsThatLine() {
        Buyer buyer = kit.buyer("partial");
        String black = tee.variant("블랙");
        String white = tee.variant("화이트");
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", orderInput("partial-" + tag,
                List.of(line(tee, black, 1), line(tee, white, 2)), seoulAddress(), null, 0, redirectPayment("CARD")));
        assertThat(amount(placed.get("itemsTotal"))).isEqualTo(50_000);
        assertThat(amount(placed.get("shippingTotal"))).isZero();
        assertThat(amount(placed.get("amountToPay"))).isEqualTo(50_000);
        String orderId = (String) placed.get("id");
        assertThat(kit.change(buyer.api(), "approvePayment", Map.of("orderId", orderId,
                "approvalToken", "sandbox_card_4242424242424242")).get("status")).isEqualTo("PAID");

        Map<String, Object> afterCancel = kit.change(buyer.api(), "cancelOrder",
                Map.of("orderId", orderId, "lineIds", List.of("2"), "reason", "흰색은 필요 없어요"));

        assertThat(afterCancel.get("status")).isEqualTo("PAID");
        assertThat(list(afterCancel, "lines")).extracting(l -> l.get("status")).containsExactly("ORDERED", "CANCELLED");
        Map<String, Object> refunded = kit.awaitOrder(buyer.api(), orderId, o -> !list(o, "refunds").isEmpty());
        Map<String, Object> refund = list(refunded, "refunds").get(0);
        assertThat(refund.get("lineIds")).isEqualTo(List.of("2"));
        assertThat(amount(refund.get("itemsRefund"))).isEqualTo(30_000);
        assertThat(amount(refund.get("shippingRefund"))).isZero();
        assertThat(amount(refund.get("feeDeducted"))).isZero();
        assertThat(amount(refund.get("amount"))).isEqualTo(30_000);
        assertThat(amount(refunded.get("refundedTotal"))).isEqualTo(30_000);
        // the paid black shirt left stock; the cancelled white ones came back
        kit.awaitStock(shop, tee.productId(), black, 9, 9, 0);
        kit.awaitStock(shop, tee.productId(), white, 10, 10, 0);
    }

    @Test
    void anotherCustomerCannotReadOrCancelAnOrderAndASellerSeesOnlyItsLines() {
        Shop other = kit.shop("양말가게 " + tag, new Policy(2_000, null, 0, 2_000, 2_000));
        Listing socks = kit.product(other, "양말 " + tag, 5_000, List.of("사이즈"),
                new VariantSpec(List.of("FREE"), 0, 10));
        Buyer buyer = kit.buyer("owner");
        Buyer stranger = kit.buyer("stranger");
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", orderInput("two-shops-" + tag,
                List.of(line(tee, tee.variant("블랙"), 1), line(socks, socks.variant("FREE"), 2)), seoulAddress(),
                null, 0, redirectPayment("KAKAO_PAY")));
        String orderId = (String) placed.get("id");
        assertThat(list(placed, "lines")).hasSize(2);

        // a stranger learns nothing and changes nothing
        assertThat(kit.order(stranger.api(), orderId)).isNull();
        assertThat(kit.order(kit.anonymous(), orderId)).isNull();
        stranger.api().documentName("orderMutations").operationName("cancelOrder").fragmentName("orderFields")
                .variable("input", Map.of("orderId", orderId, "reason", "not mine"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        assertThat(kit.order(buyer.api(), orderId).get("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(stranger.api().documentName("orderQueries").operationName("myOrders").fragmentName("orderFields")
                .execute().path("myOrders.edges[*].node.id").entityList(String.class).get()).doesNotContain(orderId);
        assertThat(buyer.api().documentName("orderQueries").operationName("myOrders").fragmentName("orderFields")
                .execute().path("myOrders.edges[*].node.id").entityList(String.class).get()).contains(orderId);

        // each shop sees its own lines and part, and where to ship them
        Map<String, Object> seenByTeeShop = kit.order(shop.api(), orderId);
        assertThat(list(seenByTeeShop, "lines")).extracting(l -> l.get("sellerId")).containsOnly(shop.sellerId());
        assertThat(list(seenByTeeShop, "lines")).extracting(l -> l.get("lineId")).containsExactly("1");
        assertThat(list(seenByTeeShop, "sellers")).extracting(p -> p.get("sellerId")).containsExactly(shop.sellerId());
        assertThat(map(seenByTeeShop, "shippingAddress")).containsEntry("postcode", "04524");
        Map<String, Object> seenBySockShop = kit.order(other.api(), orderId);
        assertThat(list(seenBySockShop, "lines")).extracting(l -> l.get("lineId")).containsExactly("2");
        assertThat(other.api().documentName("orderQueries").operationName("sellerOrders").fragmentName("orderFields")
                .execute().path("sellerOrders.edges[*].node.id").entityList(String.class).get()).contains(orderId);
        other.api().documentName("orderQueries").operationName("sellerOrders").fragmentName("orderFields")
                .variable("sellerId", shop.sellerId())
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        // support sees the whole order and its history
        HttpGraphQlTester support = kit.as("SUPPORT", null, "kit-support-" + tag);
        assertThat(list(kit.order(support, orderId), "lines")).hasSize(2);
        assertThat(kit.history(support, orderId)).extracting(e -> e.get("eventType")).contains("OrderPlaced");
        assertThat(support.documentName("orderQueries").operationName("orders").fragmentName("orderFields")
                .variable("filter", Map.of("buyerId", buyer.memberId()))
                .execute().path("orders.edges[*].node.id").entityList(String.class).get()).containsExactly(orderId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void orderStatusChanged_pushesTheOrderNowThenEachStatusChangeToItsBuyerOnly() throws Exception {
        Buyer buyer = kit.buyer("live");
        Buyer stranger = kit.buyer("curious");
        String orderId = (String) kit.change(buyer.api(), "placeOrder", orderInput("live-" + tag,
                List.of(line(tee, tee.variant("블랙"), 1)), seoulAddress(), null, 0, redirectPayment("CARD")))
                .get("id");
        WebSocketGraphQlTester socket = socket(buyer.token());
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        Disposable subscription = socket.documentName("orderStatusChanged").variable("orderId", orderId)
                .executeSubscription().toFlux()
                .subscribe(response -> received.add(response.path("orderStatusChanged").entity(Map.class).get()));
        try {
            Map<String, Object> now = received.poll(30, TimeUnit.SECONDS);
            assertThat(now).as("the order as it is").isNotNull().containsEntry("status", "AWAITING_PAYMENT");

            kit.change(buyer.api(), "approvePayment", Map.of("orderId", orderId,
                    "approvalToken", "sandbox_card_4242424242424242"));
            Map<String, Object> paid = received.poll(30, TimeUnit.SECONDS);
            assertThat(paid).as("payment").isNotNull().containsEntry("status", "PAID");

            kit.change(shop.api(), "startPreparing", Map.of("orderId", orderId));
            Map<String, Object> preparing = received.poll(30, TimeUnit.SECONDS);
            assertThat(preparing).as("the shop's part").isNotNull().containsEntry("status", "PAID");
            assertThat(list(preparing, "sellers")).singleElement()
                    .satisfies(part -> assertThat(part.get("status")).isEqualTo("PREPARING"));
            assertThat(received.poll(1, TimeUnit.SECONDS)).as("nothing else changed").isNull();
        } finally {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(5));
        }

        WebSocketGraphQlTester strangerSocket = socket(stranger.token());
        try {
            StepVerifier.create(strangerSocket.documentName("orderStatusChanged").variable("orderId", orderId)
                            .executeSubscription().toFlux())
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(
                            SubscriptionErrorException.class, refused -> assertThat(refused.getErrors())
                                    .singleElement().satisfies(e -> assertThat(e.getExtensions())
                                            .containsEntry("code", "FORBIDDEN"))))
                    .verify(Duration.ofSeconds(30));
        } finally {
            strangerSocket.stop().block(Duration.ofSeconds(5));
        }
    }

    private WebSocketGraphQlTester socket(String token) {
        return WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                        new StandardWebSocketClient())
                .headers(headers -> headers.setBearerAuth(token))
                .build();
    }
}
