package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jangteo.graphql.OrderTestKit.brandPay;
import static io.jangteo.graphql.OrderTestKit.eventTypes;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.list;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries never create a second order or take a second payment: the idempotency key names the order, so 20
 * sequential and 20 concurrent placeOrder calls with one key and one input answer one order, paid once; the same key
 * with another input is refused.
 */
class PlaceOrderIdempotencyIT extends GraphQlTestSupport {

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private OrderTestKit kit;
    private Shop shop;
    private Listing pen;

    @BeforeEach
    void aShopWithStock() {
        kit = new OrderTestKit(port);
        shop = kit.shop("문구점 " + tag, new Policy(2_500, 30_000L, 3_000, 2_500, 2_500));
        pen = kit.product(shop, "만년필 " + tag, 25_000, List.of("색상"), new VariantSpec(List.of("블랙"), 0, 50));
    }

    @Test
    void twentySequentialThenTwentyConcurrentCallsWithOneKeyGiveOneOrderAndOnePayment() throws Exception {
        Buyer buyer = kit.buyer("retry");
        Map<String, Object> input = orderInput("retry-" + tag, List.of(line(pen, pen.variant("블랙"), 2)),
                seoulAddress(), null, 0, brandPay(kit.storePaymentMethod(buyer)));

        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(kit.mutate(buyer.api(), "placeOrder", input));
        }
        answers.addAll(concurrently(20, () -> kit.mutate(buyer.api(), "placeOrder", input)));

        String orderId = (String) answers.get(0).get("orderId");
        assertThat(orderId).isNotNull();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(list(answer, "errors")).isEmpty();
            assertThat(answer.get("orderId")).isEqualTo(orderId);
            assertThat(map(answer, "order")).containsEntry("id", orderId).containsEntry("status", "PAID");
        });
        assertPlacedAndPaidOnce(buyer, orderId);
        kit.awaitStock(shop, pen.productId(), pen.variant("블랙"), 48, 48, 0);
    }

    @Test
    void twentyConcurrentFirstCallsWithOneKeyRaceToOneOrder() throws Exception {
        Buyer buyer = kit.buyer("race");
        Map<String, Object> input = orderInput("race-" + tag, List.of(line(pen, pen.variant("블랙"), 1)),
                seoulAddress(), null, 0, brandPay(kit.storePaymentMethod(buyer)));

        List<Map<String, Object>> answers = concurrently(20, () -> kit.mutate(buyer.api(), "placeOrder", input));

        assertThat(answers).extracting(answer -> answer.get("orderId")).containsOnly(answers.get(0).get("orderId"));
        assertThat(answers).allSatisfy(answer -> assertThat(list(answer, "errors")).isEmpty());
        String orderId = (String) answers.get(0).get("orderId");
        kit.awaitStatus(buyer.api(), orderId, "PAID");
        assertPlacedAndPaidOnce(buyer, orderId);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        Buyer buyer = kit.buyer("reuse");
        String key = "reuse-" + tag;
        String method = kit.storePaymentMethod(buyer);
        Map<String, Object> first = kit.change(buyer.api(), "placeOrder", orderInput(key,
                List.of(line(pen, pen.variant("블랙"), 1)), seoulAddress(), null, 0, brandPay(method)));

        Map<String, Object> otherQuantity = kit.mutate(buyer.api(), "placeOrder", orderInput(key,
                List.of(line(pen, pen.variant("블랙"), 3)), seoulAddress(), null, 0, brandPay(method)));
        // a request that could not even be priced now is still told that the key is taken
        Map<String, Object> unpriceable = kit.mutate(buyer.api(), "placeOrder", orderInput(key,
                List.of(line(pen, pen.variant("블랙"), 999)), seoulAddress(), null, 0, brandPay(method)));

        for (Map<String, Object> refused : List.of(otherQuantity, unpriceable)) {
            assertThat(refused.get("order")).isNull();
            assertThat(list(refused, "errors")).singleElement().satisfies(error -> {
                assertThat(error.get("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
                assertThat(error.get("field")).isEqualTo(List.of("input", "idempotencyKey"));
            });
        }
        Map<String, Object> unchanged = kit.order(buyer.api(), (String) first.get("id"));
        assertThat(list(unchanged, "lines")).singleElement().satisfies(l -> assertThat(((Number) l.get("quantity"))
                .longValue()).isEqualTo(1));
        assertPlacedAndPaidOnce(buyer, (String) first.get("id"));
    }

    private void assertPlacedAndPaidOnce(Buyer buyer, String orderId) {
        List<String> events = eventTypes(kit.history(buyer.api(), orderId));
        assertThat(Collections.frequency(events, "OrderPlaced")).isEqualTo(1);
        assertThat(Collections.frequency(events, "PaymentRequested")).isEqualTo(1);
        assertThat(Collections.frequency(events, "PaymentApproved")).isEqualTo(1);
        assertThat(buyer.api().documentName("orderQueries").operationName("myOrders").fragmentName("orderFields")
                .execute().path("myOrders.totalCount").entity(Long.class).get()).isEqualTo(1L);
    }

    private static List<Map<String, Object>> concurrently(int calls, java.util.concurrent.Callable<Map<String, Object>> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<String, Object>>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Map<String, Object>> answers = new ArrayList<>();
            for (Future<Map<String, Object>> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
