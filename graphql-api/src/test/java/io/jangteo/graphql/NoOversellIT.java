package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jangteo.graphql.OrderTestKit.brandPay;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.list;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No oversell, end to end: 50 checkouts (five members, ten idempotency keys each) race for the last 10 units, paying
 * with a stored card in one call. Exactly 10 orders are paid; the other 40 are told OUT_OF_STOCK, by the quote or by
 * checkout's rejection; the variant ends with nothing on hand, reserved or available.
 */
class NoOversellIT extends GraphQlTestSupport {

    /** Where an order ends: paid, or refused for want of stock. */
    private static final Set<String> FINAL = Set.of("PAID", "REJECTED", "PAYMENT_DECLINED", "CANCELLED", "EXPIRED");

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    private record Outcome(String key, String orderId, String status, List<String> errorCodes) {
    }

    @Test
    void fiftyConcurrentCheckoutsForTheLastTenUnitsPayExactlyTen() throws Exception {
        OrderTestKit kit = new OrderTestKit(port);
        Shop shop = kit.shop("한정판 " + tag, new Policy(3_000, null, 3_000, 3_000, 3_000));
        Listing sneaker = kit.product(shop, "한정판 운동화 " + tag, 129_000, List.of("사이즈"),
                new VariantSpec(List.of("270"), 0, 10));
        String variant = sneaker.variant("270");
        List<Buyer> buyers = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            Buyer buyer = kit.buyer("rush" + b);
            buyers.add(buyer);
            methods.add(kit.storePaymentMethod(buyer));
        }

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Buyer buyer = buyers.get(i % 5);
                Map<String, Object> input = orderInput("rush-" + tag + "-" + i, List.of(line(sneaker, variant, 1)),
                        seoulAddress(), null, 0, brandPay(methods.get(i % 5)));
                futures.add(pool.submit(() -> {
                    start.await();
                    return checkout(kit, buyer, input);
                }));
            }
            start.countDown();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(3, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Outcome> paid = outcomes.stream().filter(o -> "PAID".equals(o.status())).toList();
        List<Outcome> refused = outcomes.stream().filter(o -> !"PAID".equals(o.status())).toList();
        assertThat(paid).as("paid orders").hasSize(10);
        assertThat(paid).allSatisfy(o -> assertThat(o.errorCodes()).isEmpty());
        assertThat(paid).extracting(Outcome::orderId).doesNotHaveDuplicates();
        assertThat(refused).as("refused checkouts").hasSize(40);
        assertThat(refused).allSatisfy(o -> {
            assertThat(o.errorCodes()).as(o.toString()).containsOnly("OUT_OF_STOCK").isNotEmpty();
            assertThat(o.status()).as(o.toString()).isIn("REJECTED", null);
        });
        kit.awaitStock(shop, sneaker.productId(), variant, 0, 0, 0);
    }

    /**
     * What a careful client does: place the order; if the API's wait or the request's time ran out, ask again with
     * the same key (safe: it names the same order) until the order is paid or refused.
     */
    @SuppressWarnings("unchecked")
    private static Outcome checkout(OrderTestKit kit, Buyer buyer, Map<String, Object> input) {
        for (int attempt = 0; attempt < 20; attempt++) {
            GraphQlTester.Response response = buyer.api().documentName("orderMutations").operationName("placeOrder")
                    .fragmentName("orderFields").variable("input", input).execute();
            GraphQlResponse answer = response.returnResponse();
            if (!answer.getErrors().isEmpty()) {
                continue; // a request that timed out: retrying with the same key is what the key is for
            }
            Map<String, Object> payload = answer.field("placeOrder").getValue();
            Map<String, Object> order = (Map<String, Object>) payload.get("order");
            List<String> codes = list(payload, "errors").stream().map(e -> (String) e.get("code")).toList();
            String status = order == null ? null : (String) order.get("status");
            if (order == null || FINAL.contains(status)) {
                return new Outcome((String) input.get("idempotencyKey"), (String) payload.get("orderId"), status,
                        codes);
            }
        }
        throw new AssertionError("checkout " + input.get("idempotencyKey") + " did not finish");
    }
}
