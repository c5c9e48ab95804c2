package io.jangteo.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreClonerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_A = "ord-aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String ORDER_B = "ord-bbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String PLACED = "io.jangteo.messages.order.OrderPlaced";
    private static final String RESERVED = "io.jangteo.messages.catalog.StockReserved";
    private static final String COMMITTED = "io.jangteo.messages.catalog.StockCommitted";
    private static final String APPROVED = "io.jangteo.messages.order.PaymentApproved";
    private static final String CONFIRMED = "io.jangteo.messages.order.PurchaseConfirmed";
    private static final String CANCELLED = "io.jangteo.messages.order.OrderCancelled";
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");

    private static StoreCloner.Row row(String aggregate, long sequence, String type, String eventId, String payloadType,
            String time, String payload, String metaData) {
        return new StoreCloner.Row(aggregate, sequence, type, eventId, metaData.getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), "1", payloadType, time);
    }

    private static String meta(String correlation, String causation, String actor) {
        return "{\"actorId\":\"" + actor + "\",\"requestId\":\"" + correlation + "\",\"correlationId\":\"" + correlation
                + "\",\"causationId\":\"" + causation + "\"}";
    }

    private static List<StoreCloner.Template> templates() {
        String placedA = "{\"orderId\":{\"value\":\"" + ORDER_A + "\"},\"buyerId\":{\"value\":\"m1\"},"
                + "\"idempotencyKey\":\"key-a\",\"shippingAddress\":{\"$pd\":\"c2VhbGVk\"},"
                + "\"placedAt\":\"2026-12-06T07:35:18.123456789Z\"}";
        StoreCloner.Template a = new StoreCloner.Template(ORDER_A, "m1", "key-a", List.of(
                row(ORDER_A, 0, "Order", "ea0", PLACED, "2026-12-06T07:35:18.123Z", placedA, meta("ca", "cmd-a", "m1")),
                row("p1", 5, "Product", "ea1", RESERVED, "2026-12-06T07:35:18.200Z",
                        "{\"productId\":{\"value\":\"p1\"},\"reservationId\":{\"value\":\"" + ORDER_A + ":1\"},"
                                + "\"createdAt\":\"2020-01-01T00:00:00Z\"}", meta("ca", "ea0", "system:checkout")),
                row(ORDER_A, 1, "Order", "ea2", APPROVED, "2026-12-06T07:35:18.300Z",
                        "{\"orderId\":{\"value\":\"" + ORDER_A + "\"},\"paymentKey\":\"pay-" + ORDER_A + "\"}",
                        meta("ca", "ea1", "system:checkout")),
                row("p1", 6, "Product", "ea3", COMMITTED, "2026-12-06T07:35:18.400Z",
                        "{\"reservationId\":{\"value\":\"" + ORDER_A + ":1\"}}", meta("ca", "ea2", "system:checkout")),
                row(ORDER_A, 2, "Order", "ea4", CONFIRMED, "2026-12-06T07:36:00.000Z",
                        "{\"orderId\":{\"value\":\"" + ORDER_A + "\"}}", meta("cb", "cmd-b", "m1"))));
        StoreCloner.Template b = new StoreCloner.Template(ORDER_B, "m2", "key-b", List.of(
                row(ORDER_B, 0, "Order", "eb0", PLACED, "2026-12-06T07:35:19.000Z",
                        "{\"orderId\":{\"value\":\"" + ORDER_B + "\"},\"buyerId\":{\"value\":\"m2\"},"
                                + "\"idempotencyKey\":\"key-b\"}", meta("cc", "cmd-c", "m2")),
                row("p2", 2, "Product", "eb1", RESERVED, "2026-12-06T07:35:19.100Z",
                        "{\"reservationId\":{\"value\":\"" + ORDER_B + ":1\"}}", meta("cc", "eb0", "system:checkout")),
                row(ORDER_B, 1, "Order", "eb2", CANCELLED, "2026-12-06T07:35:20.000Z",
                        "{\"orderId\":{\"value\":\"" + ORDER_B + "\"}}", meta("cd", "cmd-d", "m2"))));
        return List.of(a, b);
    }

    @Test
    void copiesAreNewOrdersWithContiguousStreamsInterleavedOverTheYear() throws Exception {
        List<StoreCloner.Template> templates = templates();
        StoreCloner cloner = new StoreCloner(templates, Map.of("p1", 7L, "p2", 3L), FROM, TO, 5);
        List<StoreCloner.Row> rows = new ArrayList<>();
        long written = cloner.run(1_000, rows::add);

        // 5 + 3 events a pair: 125 pairs make exactly 1,000
        assertThat(written).isEqualTo(1_000).isEqualTo(rows.size());
        assertThat(cloner.copies()).hasSize(250);

        Map<String, List<StoreCloner.Row>> orders = new LinkedHashMap<>();
        Map<String, List<Long>> products = new LinkedHashMap<>();
        for (StoreCloner.Row r : rows) {
            if (r.type().equals("Order")) {
                orders.computeIfAbsent(r.aggregateIdentifier(), k -> new ArrayList<>()).add(r);
            } else {
                products.computeIfAbsent(r.aggregateIdentifier(), k -> new ArrayList<>()).add(r.sequenceNumber());
            }
        }
        assertThat(orders).hasSize(250).doesNotContainKeys(ORDER_A, ORDER_B);
        Map<String, String> templateOf = new LinkedHashMap<>();
        cloner.copies().forEach(c -> templateOf.put(c[0], c[1]));
        for (Map.Entry<String, List<StoreCloner.Row>> e : orders.entrySet()) {
            String copy = e.getKey();
            List<StoreCloner.Row> stream = e.getValue();
            StoreCloner.Template template = templateOf.get(copy).equals(ORDER_A) ? templates.get(0) : templates.get(1);
            // contiguous from 0, the template's event types in its order
            assertThat(stream.stream().map(StoreCloner.Row::sequenceNumber).toList())
                    .isEqualTo(java.util.stream.LongStream.range(0, stream.size()).boxed().toList());
            assertThat(stream.stream().map(StoreCloner.Row::payloadType).toList()).isEqualTo(template.rows().stream()
                    .filter(r -> r.type().equals("Order")).map(StoreCloner.Row::payloadType).toList());
            // the order id is checkout's: derived from the same buyer and a fresh idempotency key
            JsonNode placed = JSON.readTree(stream.get(0).payload());
            assertThat(placed.path("orderId").path("value").asText()).isEqualTo(copy);
            assertThat(placed.path("buyerId").path("value").asText()).isEqualTo(template.buyerId());
            String key = placed.path("idempotencyKey").asText();
            assertThat(key).startsWith(template.idempotencyKey() + "-copy-");
            assertThat(StoreCloner.orderIdFor(template.buyerId(), key)).isEqualTo(copy);
            for (StoreCloner.Row r : stream) {
                String payload = new String(r.payload(), StandardCharsets.UTF_8);
                assertThat(payload).doesNotContain(template.orderId()).contains(copy);
            }
        }
        // product events continue each product's stream
        assertThat(products.get("p1")).isEqualTo(java.util.stream.LongStream.range(7, 7 + 250).boxed().toList());
        assertThat(products.get("p2")).isEqualTo(java.util.stream.LongStream.range(3, 3 + 125).boxed().toList());

        Set<String> eventIds = new HashSet<>();
        rows.forEach(r -> eventIds.add(r.eventIdentifier()));
        assertThat(eventIds).hasSize(rows.size()).doesNotContain("ea0", "eb0");

        // interleaved: the first five events belong to five different orders
        assertThat(rows.subList(0, 5).stream().map(StoreCloner.Row::aggregateIdentifier).distinct()).hasSize(5);
    }

    @Test
    void metadataGetsFreshIdsConsistentlyAndTimesMoveWithTheCopy() throws Exception {
        StoreCloner cloner = new StoreCloner(templates(), Map.of("p1", 7L, "p2", 3L), FROM, TO, 1);
        List<StoreCloner.Row> rows = new ArrayList<>();
        cloner.run(16, rows::add);

        // window 1: the first copy of A, whole, then the first of B
        List<StoreCloner.Row> a = rows.subList(0, 5);
        JsonNode placedMeta = JSON.readTree(a.get(0).metaData());
        JsonNode reservedMeta = JSON.readTree(a.get(1).metaData());
        assertThat(placedMeta.path("correlationId").asText()).isNotEqualTo("ca")
                .isEqualTo(placedMeta.path("requestId").asText())
                .isEqualTo(reservedMeta.path("correlationId").asText());
        // what caused the reservation is the copy's own OrderPlaced
        assertThat(reservedMeta.path("causationId").asText()).isEqualTo(a.get(0).eventIdentifier());
        assertThat(placedMeta.path("actorId").asText()).isEqualTo("m1");
        assertThat(reservedMeta.path("actorId").asText()).isEqualTo("system:checkout");

        // the copy starts at FROM; its events keep their distances; instants of the order move, others stay
        assertThat(a.get(0).timeStamp()).isEqualTo("2025-01-01T00:00:00.000Z");
        assertThat(a.get(4).timeStamp()).isEqualTo("2025-01-01T00:00:41.877Z");
        String placed = new String(a.get(0).payload(), StandardCharsets.UTF_8);
        assertThat(placed).contains("\"placedAt\":\"2025-01-01T00:00:00.000456789Z\"")
                .contains("{\"$pd\":\"c2VhbGVk\"}");
        assertThat(new String(a.get(1).payload(), StandardCharsets.UTF_8)).contains("2020-01-01T00:00:00Z");
        // later copies later in the year, in order
        Instant previous = Instant.MIN;
        for (StoreCloner.Row r : rows) {
            if (r.sequenceNumber() == 0 && r.type().equals("Order")) {
                Instant at = Instant.parse(r.timeStamp());
                assertThat(at).isAfterOrEqualTo(previous).isBefore(TO);
                previous = at;
            }
        }
    }
}
