package io.jangteo.graphql;

import io.jangteo.messages.catalog.StockReserved;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** No oversell: many checkouts racing for the last units over HTTP, against the real event store. */
class StockReservationConcurrencyIT extends GraphQlTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void fiftyConcurrentReservationsOfTheLastTenUnitsLetExactlyTenThrough() throws Exception {
        String sellerId = uniqueSeller();
        HttpGraphQlTester seller = seller(sellerId);
        String productId = (String) createProduct(seller, "마지막 10개", 10_000).get("id");
        seller.documentName("productLifecycle").operationName("receiveStock")
                .variable("productId", productId).variable("quantity", 10)
                .execute().path("receiveStock.errors").entityList(Object.class).hasSize(0);
        seller.documentName("productLifecycle").operationName("publishProduct").variable("productId", productId)
                .execute().path("publishProduct.product.status").entity(String.class).isEqualTo("ON_SALE");

        HttpGraphQlTester checkout = as("ADMIN", null);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<List<Map<String, Object>>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String reservationId = "order-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return checkout.documentName("productLifecycle").operationName("reserveStock")
                            .variable("productId", productId).variable("reservationId", reservationId)
                            .variable("quantity", 1)
                            .execute().path("reserveStock.errors").entityList(Map.class).get()
                            .stream().map(e -> (Map<String, Object>) e).toList();
                }));
            }
            start.countDown();
            int succeeded = 0;
            int outOfStock = 0;
            for (Future<List<Map<String, Object>>> answer : answers) {
                List<Map<String, Object>> errors = answer.get(60, TimeUnit.SECONDS);
                if (errors.isEmpty()) {
                    succeeded++;
                } else {
                    assertThat(errors).singleElement().satisfies(e -> assertThat(e.get("code")).isEqualTo("OUT_OF_STOCK"));
                    outOfStock++;
                }
            }
            assertThat(succeeded).isEqualTo(10);
            assertThat(outOfStock).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }

        List<StockReserved> reserved = eventsOf(productId).stream()
                .filter(e -> e.getPayload() instanceof StockReserved).map(e -> (StockReserved) e.getPayload()).toList();
        assertThat(reserved).hasSize(10);
        assertThat(reserved).allSatisfy(r -> assertThat(r.onHand() - r.reserved()).isGreaterThanOrEqualTo(0));
        assertThat(reserved.get(reserved.size() - 1).reserved()).isEqualTo(10);

        Map<String, Object> product = seller.documentName("findProducts").operationName("storefrontProduct")
                .variable("id", productId).execute().path("product").entity(Map.class).get();
        assertThat(product.get("status")).isEqualTo("SOLD_OUT");
        assertThat(((List<Map<String, Object>>) product.get("variants")).get(0).get("stock"))
                .isEqualTo(Map.of("available", 0, "onHand", 10, "reserved", 10));
    }
}
